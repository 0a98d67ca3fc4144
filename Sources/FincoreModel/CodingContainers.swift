/// Container helpers for the contract's rules on nulls and `object` names.
extension KeyedEncodingContainer {
    /// Writes `value`, or an explicit `null` when it is nil: "an unset optional field is `null`,
    /// never absent" (contract § Precise answers). Synthesized coding would omit the key.
    public mutating func encodeNullable<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}

extension KeyedDecodingContainer {
    /// Checks that the `object` field names `type`, so a loan is never read as a client.
    public func expectObject(_ type: ObjectType, forKey key: Key) throws {
        let found = try decode(String.self, forKey: key)
        guard found == type.rawValue else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "must be \"\(type.rawValue)\"")
        }
    }
}
