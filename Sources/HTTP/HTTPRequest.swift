import Foundation

/// One parsed HTTP request: a value, safe to hand to any task.
public struct HTTPRequest: Sendable {
    /// The HTTP version on the request line; only 1.0 and 1.1 are accepted (RFC 9112 §2.3).
    public enum Version: String, Sendable {
        case http1_0 = "HTTP/1.0"
        case http1_1 = "HTTP/1.1"
    }

    public var method: HTTPMethod
    /// The request target exactly as sent (origin-form, RFC 9112 §3.2.1), e.g. `/v1/loans?limit=5`.
    public var target: String
    /// The percent-decoded path without the query, e.g. `/v1/loans`.
    public var path: String
    /// The query's `name=value` pairs, percent-decoded, in order; a name may repeat.
    public var query: [URLQueryItem]
    public var version: Version
    public var headers: HTTPHeaders
    public var body: Data
    /// The peer as `address:port`, or empty for a request that did not come from a socket.
    public var remoteAddress: String
    /// Values of `{name}` segments captured by `Router`, percent-decoded.
    public var pathParameters: [String: String]

    public init(
        method: HTTPMethod, target: String, version: Version = .http1_1,
        headers: HTTPHeaders = [:], body: Data = Data(), remoteAddress: String = ""
    ) throws(HTTPParseError) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.pathParameters = [:]
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = parts.first.map(String.init) ?? ""
        guard let path = PercentEncoding.decode(rawPath) else {
            throw .malformedRequestLine("bad percent-encoding in the path")
        }
        self.path = path
        self.query = try parts.count > 1 ? PercentEncoding.queryItems(String(parts[1])) : []
    }

    /// The path before percent-decoding; the router splits this so that `%2F` stays inside a segment.
    public var rawPath: String {
        target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
            .first.map(String.init) ?? ""
    }

    /// The first value of the query parameter `name`, or nil; `?flag` with no `=` gives "".
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }.map { $0.value ?? "" }
    }

    /// Whether the connection may carry another request after this one (RFC 9112 §9.3):
    /// HTTP/1.1 persists unless `Connection: close`; HTTP/1.0 closes unless `Connection: keep-alive`.
    public var keepAlive: Bool {
        switch version {
        case .http1_1: !headers.containsToken("close", in: "Connection")
        case .http1_0: headers.containsToken("keep-alive", in: "Connection")
        }
    }
}
