/// A whole error response: `{"error": {...}}`.
public struct APIErrorResponse: Hashable, Sendable, Codable {
    public var error: APIErrorBody

    public init(error: APIErrorBody) { self.error = error }
}
