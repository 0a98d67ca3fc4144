/// One field of a PATCH body: not sent, sent as `null`, or sent with a value.
///
/// Contract § Clients: "only the keys sent change", so a patch must tell "absent" (keep)
/// from `null` (clear); `Optional` cannot.
public enum Patch<T: Hashable & Sendable>: Hashable, Sendable {
    case absent
    case null
    case value(T)

    /// Whether the key was sent at all.
    public var isSent: Bool { self != .absent }

    /// The sent value, nil when absent or null.
    public var value: T? {
        if case .value(let v) = self { return v }
        return nil
    }

    /// The field's new value given its current one.
    public func applied(to current: T?) -> T? {
        switch self {
        case .absent: return current
        case .null: return nil
        case .value(let v): return v
        }
    }

    /// A patch from an optional: nil means "clear" (`null`).
    public init(_ optional: T?) {
        self = optional.map { .value($0) } ?? .null
    }
}

extension KeyedEncodingContainer {
    /// Writes a patch field: nothing when absent, `null`, or the value.
    public mutating func encode<T: Encodable>(_ patch: Patch<T>, forKey key: Key) throws {
        switch patch {
        case .absent: break
        case .null: try encodeNil(forKey: key)
        case .value(let v): try encode(v, forKey: key)
        }
    }
}
