import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The status line and headers of an answer, as a value (header names compared case-insensitively).
public struct HTTPResponseHead: Sendable, Hashable {
    public var status: Int
    /// Header fields keyed by lower-cased name.
    public var headers: [String: String]

    public init(status: Int, headers: [String: String]) {
        self.status = status
        var lowered: [String: String] = [:]
        for (name, value) in headers { lowered[name.lowercased()] = value }
        self.headers = lowered
    }

    /// The head of a Foundation response.
    public init(_ response: HTTPURLResponse) {
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        self.init(status: response.statusCode, headers: headers)
    }

    /// A header's value by case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The rate-limit headers, when all three are present and well formed.
    public var rateLimit: RateLimitHeaders? { RateLimitHeaders(header: header) }

    /// `Retry-After` in whole seconds (contract: seconds, on 429 and 503); an HTTP date is not used.
    public var retryAfterSeconds: Int? { header("Retry-After").flatMap(RateLimitHeaders.wholeNumber) }

    /// Whether the answer came from the idempotency store.
    public var replayed: Bool { header("Idempotent-Replayed")?.lowercased() == "true" }

    /// The version from `ETag`.
    public var version: Int? { header("ETag").flatMap(ResponseMetadata.version(fromETag:)) }
}
