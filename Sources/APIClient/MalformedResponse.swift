/// An answer that is not in the contract's shape: a transport-level failure of its status.
///
/// Contract ("Errors fixed here", last paragraph): an HTML page from a proxy, an empty body or
/// any body not in the contract's shape counts as a transport failure of that status, never
/// as a crash or as a success. The body itself is not kept in the description: a wrong-shaped
/// 200 could hold a client's personal data (STYLE habit 1).
public struct MalformedResponse: Sendable, Hashable, CustomStringConvertible {
    /// What was wrong with the body.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// No body where one was due.
        case empty
        /// Not JSON at all (an HTML error page); the `Content-Type` as evidence.
        case notJSON(contentType: String?)
        /// JSON that does not parse: cut short or corrupt.
        case invalidJSON
        /// Valid JSON of the wrong shape; `field` is the JSON path that failed ("" for the top).
        case unexpectedShape(field: String, message: String)
        /// A body over the client's cap (`limit` bytes) for an answer it must hold whole: read
        /// no further, so a hostile or broken server cannot fill the agent's memory.
        case tooLarge(limit: Int)
        /// One NDJSON line (`line`, from 1) over `limit` bytes: a stream is read line by line,
        /// so a line without end would otherwise grow without bound.
        case lineTooLong(line: Int, limit: Int)

        public var description: String {
            switch self {
            case .empty: return "empty body"
            case .notJSON(let type): return "not JSON (\(type ?? "no Content-Type"))"
            case .invalidJSON: return "invalid or truncated JSON"
            case .unexpectedShape(let field, let message):
                return field.isEmpty ? "unexpected JSON: \(message)" : "unexpected JSON at \(field): \(message)"
            case .tooLarge(let limit): return "a body over the client's limit of \(limit) bytes"
            case .lineTooLong(let line, let limit): return "line \(line) over the client's limit of \(limit) bytes"
            }
        }
    }

    public var status: Int
    public var problem: Problem
    /// The body's length in bytes (evidence without the content).
    public var byteCount: Int
    public var retryAfterSeconds: Int?
    public var rateLimit: RateLimitHeaders?
    /// The request, as `METHOD path` without the query.
    public var request: String

    public init(
        status: Int, problem: Problem, byteCount: Int, retryAfterSeconds: Int? = nil,
        rateLimit: RateLimitHeaders? = nil, request: String = ""
    ) {
        self.status = status
        self.problem = problem
        self.byteCount = byteCount
        self.retryAfterSeconds = retryAfterSeconds
        self.rateLimit = rateLimit
        self.request = request
    }

    /// What the caller may do: a cut-off or garbled 2xx and any 5xx are retried (a POST with
    /// the same `Idempotency-Key` gets the stored answer); a 2xx of the wrong shape or over the
    /// size cap will not improve; other statuses act as their class.
    public var recovery: Recovery {
        switch status {
        case 200...299:
            switch problem {
            case .unexpectedShape, .tooLarge, .lineTooLong: return .giveUp
            case .empty, .notJSON, .invalidJSON: return .retry
            }
        case 429, 500...599:
            return HTTPFailure.recovery(forStatus: status, retryAfterSeconds: retryAfterSeconds)
        default:
            return .giveUp
        }
    }

    public var description: String {
        let text = "HTTP \(status) with \(problem) (\(byteCount) bytes)"
        return request.isEmpty ? text : "\(request): \(text)"
    }
}
