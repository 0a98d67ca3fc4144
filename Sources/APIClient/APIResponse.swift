/// A decoded answer with its metadata (version, replay flag, rate-limit headers).
public struct APIResponse<Value: Sendable>: Sendable {
    public var value: Value
    public var meta: ResponseMetadata

    public init(value: Value, meta: ResponseMetadata) {
        self.value = value
        self.meta = meta
    }

    /// The same metadata with another value.
    public func map<Other: Sendable>(_ transform: (Value) throws -> Other) rethrows -> APIResponse<Other> {
        APIResponse<Other>(value: try transform(value), meta: meta)
    }
}

extension APIResponse: Equatable where Value: Equatable {}
