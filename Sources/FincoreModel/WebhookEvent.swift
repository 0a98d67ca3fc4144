/// A webhook delivery's body: `{"id":"ev_..","type":"loan.updated","created_at":"..","data":{"object":{..}}}`
/// (contract § Webhooks, "Delivery"). Deliveries may repeat: deduplicate by `id`.
public struct WebhookEvent: Hashable, Sendable {
    public var id: EventID
    public var type: EventType
    public var createdAt: Timestamp
    /// The object as it was when the event happened (`data.object`).
    public var object: SyncedObject

    public init(id: EventID, type: EventType, createdAt: Timestamp, object: SyncedObject) {
        self.id = id
        self.type = type
        self.createdAt = createdAt
        self.object = object
    }
}

extension WebhookEvent: Codable {
    enum CodingKeys: String, CodingKey {
        case id, type, data
        case createdAt = "created_at"
    }

    enum DataKeys: String, CodingKey { case object }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(EventID.self, forKey: .id)
        type = try c.decode(EventType.self, forKey: .type)
        createdAt = try c.decode(Timestamp.self, forKey: .createdAt)
        let data = try c.nestedContainer(keyedBy: DataKeys.self, forKey: .data)
        object = try data.decode(SyncedObject.self, forKey: .object)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(type, forKey: .type)
        try c.encode(createdAt, forKey: .createdAt)
        var data = c.nestedContainer(keyedBy: DataKeys.self, forKey: .data)
        try data.encode(object, forKey: .object)
    }
}
