/// A webhook endpoint registered at `/v1/webhooks` (contract § Webhooks, § Precise answers).
///
/// Not a synced type: no `external_id`, no tombstones; it does carry `version` (and `ETag`).
/// `secret` is in the create answer only and `null` everywhere else.
public struct Webhook: Hashable, Sendable {
    public static let objectType = ObjectType.webhook

    public var id: WebhookID
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var version: Int
    public var url: String
    public var events: [EventType]
    public var status: WebhookStatus
    public var secret: String?

    public init(
        id: WebhookID, createdAt: Timestamp, updatedAt: Timestamp, version: Int = 1, url: String,
        events: [EventType], status: WebhookStatus = .enabled, secret: String? = nil
    ) {
        self.id = id
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
        self.url = url
        self.events = events
        self.status = status
        self.secret = secret
    }

    /// The same endpoint without its secret: what every answer but the create one shows.
    public var redacted: Webhook {
        var copy = self
        copy.secret = nil
        return copy
    }
}

extension Webhook: Codable {
    enum CodingKeys: String, CodingKey {
        case id, object, version, url, events, status, secret
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.expectObject(Self.objectType, forKey: .object)
        id = try c.decode(WebhookID.self, forKey: .id)
        createdAt = try c.decode(Timestamp.self, forKey: .createdAt)
        updatedAt = try c.decode(Timestamp.self, forKey: .updatedAt)
        version = try c.decodeInteger(Int.self, forKey: .version)
        url = try c.decode(String.self, forKey: .url)
        events = try c.decode([EventType].self, forKey: .events)
        status = try c.decode(WebhookStatus.self, forKey: .status)
        secret = try c.decodeIfPresent(String.self, forKey: .secret)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(Self.objectType, forKey: .object)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(version, forKey: .version)
        try c.encode(url, forKey: .url)
        try c.encode(events, forKey: .events)
        try c.encode(status, forKey: .status)
        try c.encodeNullable(secret, forKey: .secret)
    }
}
