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

extension KeyedDecodingContainer {
    /// Decodes an integer field, keeping its path when the number is not an integer.
    ///
    /// On Linux, Foundation throws an internal error for `1.5` or `1e30` read as Int64, which
    /// the decoder turns into a `dataCorrupted` error with an empty path ("not valid JSON"),
    /// hiding which field was wrong; here it becomes an error at the field.
    public func decodeInteger<T: FixedWidthInteger & Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        do {
            return try decode(type, forKey: key)
        } catch let error as DecodingError {
            throw error
        } catch {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: FincoreJSON.integerMessage)
        }
    }
}
