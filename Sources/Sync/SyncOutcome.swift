/// How a sync (or a push or pull) ended.
public enum SyncOutcome: Sendable, Equatable {
    /// Everything that could be sent was sent and every resource was pulled.
    case completed
    /// No network or no answer: nothing is lost, the outbox keeps what was not pushed.
    case offline(String)
    /// The server kept answering 429 until the call's retries or deadline ran out; nothing is
    /// lost, the next run resumes (the README's exit status 6, not offline: the server is there).
    case rateLimited(String)
    /// The server refused the key (401): nothing can move until the user fixes it.
    case unauthorized
    /// The caller cancelled; what was done is kept and the next run resumes.
    case cancelled
    /// Anything else (a malformed answer, a local storage error), with its description.
    case failed(String)

    /// Whether the run got through.
    public var isCompleted: Bool { self == .completed }

    /// The journal's error code for the outcome; nil when completed.
    var code: String? {
        switch self {
        case .completed: return nil
        case .offline: return "offline"
        case .rateLimited: return "rate_limited"
        case .unauthorized: return "unauthorized"
        case .cancelled: return "cancelled"
        case .failed: return "failed"
        }
    }
}
