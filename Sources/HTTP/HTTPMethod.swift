/// An HTTP request method: an open set of tokens, with the common ones named.
///
/// A struct rather than an enum because RFC 9110 §9.1 leaves the set open: a request with an
/// unknown method is well-formed and must reach the router, which answers 405 with `Allow`.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The method token exactly as sent; methods are case-sensitive (RFC 9110 §9.1).
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static let get = HTTPMethod("GET")
    public static let head = HTTPMethod("HEAD")
    public static let post = HTTPMethod("POST")
    public static let put = HTTPMethod("PUT")
    public static let patch = HTTPMethod("PATCH")
    public static let delete = HTTPMethod("DELETE")
    public static let options = HTTPMethod("OPTIONS")
}
