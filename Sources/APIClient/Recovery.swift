/// What the caller of a failed request may do next: the one question every error answers.
///
/// The retry loop acts on `.retry` and `.wait` itself (within its policy); whatever reaches the
/// caller still says what is left to do, so the outbox can park a payment and try later
/// (`.wait`), show a form again (`.fixInput`) or fetch the server's copy (`.resolveConflict`).
public enum Recovery: Sendable, Hashable, CustomStringConvertible {
    /// Try again (soon, with backoff): the failure was in transit or a passing server fault.
    case retry
    /// Try again, but not before this many seconds (`Retry-After`, a rate-limit window).
    case wait(seconds: Int)
    /// Do not try this request again: it will fail the same way (a bad key, a missing route).
    case giveUp
    /// The request's data is wrong; change it and send a new request (`details` say which field).
    case fixInput
    /// The object moved on under the caller (`412`, `409 invalid_state`, `external_id_taken`):
    /// read `current` or fetch the object, then decide.
    case resolveConflict

    /// Whether the retry loop may send the same request again.
    public var isRetriable: Bool {
        switch self {
        case .retry, .wait: return true
        case .giveUp, .fixInput, .resolveConflict: return false
        }
    }

    public var description: String {
        switch self {
        case .retry: return "retry"
        case .wait(let seconds): return "wait \(seconds)s"
        case .giveUp: return "give up"
        case .fixInput: return "fix the input"
        case .resolveConflict: return "resolve the conflict"
        }
    }
}
