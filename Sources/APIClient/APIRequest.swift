import Foundation

/// One call to the API, before it is sent: method, path under the base URL, query, body, headers.
///
/// A value, so that the retry loop can send exactly the same request again.
public struct APIRequest: Sendable, Hashable {
    /// One query parameter.
    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var method: HTTPMethod
    /// The path under the base URL, without the version: `clients`, `loans/ln_1/approve`.
    public var path: String
    public var query: [Parameter]
    /// The JSON body, already encoded.
    public var body: Data?
    /// The object version for `If-Match` (contract: `PATCH` and state-changing `POST`s on one
    /// object accept `If-Match: "<version>"`; a stale one gets `412 version_conflict`).
    public var ifMatch: Int?
    /// The caller's `Idempotency-Key`; nil lets the client make one for a `POST` or `PATCH`.
    public var idempotencyKey: IdempotencyKey?
    public var priority: RequestPriority
    /// The time one attempt may take; nil for the client's default.
    public var timeout: Duration?

    public init(
        _ method: HTTPMethod, _ path: String, query: [Parameter] = [], body: Data? = nil,
        ifMatch: Int? = nil, idempotencyKey: IdempotencyKey? = nil, priority: RequestPriority = .normal,
        timeout: Duration? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.ifMatch = ifMatch
        self.idempotencyKey = idempotencyKey
        self.priority = priority
        self.timeout = timeout
    }

    /// The rate-limit bucket the request counts against.
    public var bucket: RateLimitScheduler.Bucket { .forPath(path) }

    /// `METHOD path` without the query, for error messages and logs (ids only, no personal data).
    public var line: String { "\(method.rawValue) \(path)" }
}
