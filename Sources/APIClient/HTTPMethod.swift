/// The HTTP methods the contract uses.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case get = "GET"
    case post = "POST"
    case patch = "PATCH"
    case delete = "DELETE"

    /// Whether the contract accepts an `Idempotency-Key` (every `POST` and `PATCH`), so the
    /// client always sends one.
    public var takesIdempotencyKey: Bool { self == .post || self == .patch }
}
