/// The trace of a deleted object in an incremental listing (contract § Incremental listing):
/// `{"id":"cl_..","object":"client","deleted":true,"updated_at":".."}`.
///
/// Tombstones carry no other fields. The id is kept as text but checked against `object`'s
/// prefix when decoded.
public struct Tombstone: Hashable, Sendable {
    public var id: String
    public var object: ObjectType
    /// When the object was deleted.
    public var updatedAt: Timestamp

    /// A tombstone; nil if `id` does not have `object`'s prefix.
    public init?(id: String, object: ObjectType, updatedAt: Timestamp) {
        guard object.isValidID(id) else { return nil }
        self.id = id
        self.object = object
        self.updatedAt = updatedAt
    }

    /// The tombstone of a typed id.
    public init<Kind>(id: ObjectID<Kind>, updatedAt: Timestamp) {
        self.id = id.rawValue
        self.object = Kind.objectType
        self.updatedAt = updatedAt
    }

    /// The deleted object's id as a typed id, if it is of that kind.
    public func id<Kind>(as kind: Kind.Type) -> ObjectID<Kind>? {
        object == Kind.objectType ? ObjectID<Kind>(id) : nil
    }
}

extension Tombstone: Codable {
    enum CodingKeys: String, CodingKey {
        case id, object, deleted
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        object = try c.decode(ObjectType.self, forKey: .object)
        id = try c.decode(String.self, forKey: .id)
        guard object.isValidID(id) else {
            throw DecodingError.dataCorruptedError(
                forKey: .id, in: c, debugDescription: "must be a \(object.rawValue) id starting with \(object.idPrefix)")
        }
        guard try c.decode(Bool.self, forKey: .deleted) else {
            throw DecodingError.dataCorruptedError(forKey: .deleted, in: c, debugDescription: "must be true")
        }
        updatedAt = try c.decode(Timestamp.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(object, forKey: .object)
        try c.encode(true, forKey: .deleted)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}
