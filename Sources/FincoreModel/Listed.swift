/// One item of a list page: the object, or the tombstone of a deleted one.
///
/// Told apart by the `deleted` key (contract § Incremental listing: `include_deleted=true`);
/// an item without `deleted: true` is decoded as `T`.
public enum Listed<T: Codable & Hashable & Sendable>: Hashable, Sendable {
    case object(T)
    case tombstone(Tombstone)

    /// The object, if this item is one.
    public var object: T? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The tombstone, if this item is one.
    public var tombstone: Tombstone? {
        if case .tombstone(let value) = self { return value }
        return nil
    }
}

extension Listed: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        if try c.decodeIfPresent(Bool.self, forKey: AnyKey("deleted")) == true {
            self = .tombstone(try Tombstone(from: decoder))
        } else {
            self = .object(try T(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let value): try value.encode(to: encoder)
        case .tombstone(let tombstone): try tombstone.encode(to: encoder)
        }
    }
}
