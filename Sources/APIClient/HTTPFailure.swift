import FincoreModel

/// A server's error answer in the contract's shape: status, code, message, details, `current`.
public struct HTTPFailure: Sendable, Hashable, CustomStringConvertible {
    /// The HTTP status.
    public var status: Int
    /// The decoded `error` object (`code`, `message`, `details`, `current`).
    public var body: APIErrorBody
    /// `Retry-After` in seconds, when sent (429 and 503).
    public var retryAfterSeconds: Int?
    /// The rate-limit headers, when sent.
    public var rateLimit: RateLimitHeaders?
    /// Whether the server answered from its idempotency store (`Idempotent-Replayed: true`):
    /// a 404, 409, 412 or 400 replays like a 2xx ("Precise answers").
    public var replayed: Bool
    /// The request, as `METHOD path` without the query.
    public var request: String

    public init(
        status: Int, body: APIErrorBody, retryAfterSeconds: Int? = nil,
        rateLimit: RateLimitHeaders? = nil, replayed: Bool = false, request: String = ""
    ) {
        self.status = status
        self.body = body
        self.retryAfterSeconds = retryAfterSeconds
        self.rateLimit = rateLimit
        self.replayed = replayed
        self.request = request
    }

    /// The contract's code; `.unknown` for a code outside its table.
    public var code: ErrorCode { body.code }
    public var message: String { body.message }
    public var details: [FieldError] { body.details }
    /// The object as it is now (`412 version_conflict`, `409 external_id_taken`): decode it with
    /// `current?.decode(as: Loan.self)`.
    public var current: JSONValue? { body.current }

    /// The code the client acts on: the answer's own when the contract pairs it with this
    /// status, else nil, so that the status class decides ("Errors fixed here": an unknown
    /// code of a known status class is treated as that class).
    public var knownCode: ErrorCode? {
        body.code.httpStatus == status ? body.code : nil
    }

    /// What the caller may do next.
    public var recovery: Recovery {
        switch knownCode {
        case .invalidRequest?, .payloadTooLarge?, .amountExceedsBalance?: return .fixInput
        case .unauthorized?, .notFound?, .methodNotAllowed?, .idempotencyKeyReused?: return .giveUp
        case .invalidState?, .externalIDTaken?, .versionConflict?: return .resolveConflict
        case .idempotencyInProgress?, .internalError?: return .retry
        case .rateLimited?: return .wait(seconds: waitSeconds)
        case .unavailable?: return retryAfterSeconds.map { .wait(seconds: $0) } ?? .retry
        case .unknown?, nil: return Self.recovery(forStatus: status, retryAfterSeconds: retryAfterSeconds)
        }
    }

    /// The recovery a bare status implies: 429 waits, 5xx (not 501) retries, 4xx never does.
    static func recovery(forStatus status: Int, retryAfterSeconds: Int?) -> Recovery {
        switch status {
        case 429: return .wait(seconds: max(1, retryAfterSeconds ?? 1))
        case 501, 505: return .giveUp
        case 500...599: return retryAfterSeconds.map { .wait(seconds: $0) } ?? .retry
        case 400, 413, 422: return .fixInput
        case 409, 412: return .resolveConflict
        default: return .giveUp
        }
    }

    private var waitSeconds: Int { max(1, retryAfterSeconds ?? rateLimit?.resetSeconds ?? 1) }

    public var description: String {
        var text = "HTTP \(status) \(body.code.rawValue): \(body.message)"
        if !request.isEmpty { text = "\(request): " + text }
        if !details.isEmpty { text += " [" + details.map(\.description).joined(separator: "; ") + "]" }
        if let retryAfterSeconds { text += " (retry after \(retryAfterSeconds)s)" }
        if replayed { text += " (replayed)" }
        return text
    }
}
