/// A failed call to a Fincore server, as data: what happened, its evidence, what to do next.
///
/// Three ways a call fails (contract: "Errors fixed here"): no HTTP answer (`transport`), an
/// error answer in the contract's shape (`http`), or an answer not in that shape, which counts
/// as a transport-level failure of its status (`malformed`). A fourth, `invalidRequest`, is
/// the client refusing to send what it could not build. None of them ever holds the API key.
public enum APIError: Error, Sendable, Hashable, CustomStringConvertible {
    case transport(TransportFailure)
    case http(HTTPFailure)
    case malformed(MalformedResponse)
    /// The request could not be built (a body that did not encode, a bad idempotency key).
    case invalidRequest(String)

    /// What the caller may do next.
    public var recovery: Recovery {
        switch self {
        case .transport(let failure): return failure.recovery
        case .http(let failure): return failure.recovery
        case .malformed(let failure): return failure.recovery
        case .invalidRequest: return .fixInput
        }
    }

    /// The HTTP status, when an answer arrived.
    public var status: Int? {
        switch self {
        case .http(let failure): return failure.status
        case .malformed(let failure): return failure.status
        case .transport, .invalidRequest: return nil
        }
    }

    /// The server's `Retry-After`, when it sent one.
    public var retryAfter: Duration? {
        let seconds: Int?
        switch self {
        case .http(let failure): seconds = failure.retryAfterSeconds
        case .malformed(let failure): seconds = failure.retryAfterSeconds
        case .transport, .invalidRequest: seconds = nil
        }
        return seconds.map { .seconds($0) }
    }

    /// The contract-shaped failure, if this is one (for `code`, `details`, `current`).
    public var httpFailure: HTTPFailure? {
        if case .http(let failure) = self { return failure }
        return nil
    }

    /// Whether the caller cancelled the request.
    public var isCancellation: Bool {
        if case .transport(let failure) = self { return failure.kind == .cancelled }
        return false
    }

    public var description: String {
        switch self {
        case .transport(let failure): return "transport failure: \(failure)"
        case .http(let failure): return failure.description
        case .malformed(let failure): return "malformed answer: \(failure)"
        case .invalidRequest(let reason): return "invalid request: \(reason)"
        }
    }
}
