/// The process exit statuses fincore documents, one per class of failure, so scripts can tell them apart.
///
/// These numbers are an interface users' scripts rely on: never renumber a case.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Everything asked was done.
    case success = 0
    /// A command was refused: bad input or an illegal state change. Nothing was written.
    case refused = 1
    /// The command line itself could not be understood.
    case usage = 2
    /// Edits were saved to the outbox but could not be pushed: the server was unreachable.
    case offline = 3
    /// Conflicts or failed outbox entries need the user's attention.
    case needsAttention = 4
    /// The server refused the API key.
    case authentication = 5
    /// The rate limit held requests back past their deadline.
    case rateLimited = 6
    /// An unexpected internal or environment failure (disk, database, I/O).
    case failure = 70

    /// One line for the documented table in `--help` and the README.
    public var meaning: String {
        switch self {
        case .success: return "success"
        case .refused: return "a command was refused (bad input, illegal state); nothing written"
        case .usage: return "usage error (unknown option or command, missing argument)"
        case .offline: return "offline: edits saved but not pushed"
        case .needsAttention: return "conflicts or failed outbox entries need attention"
        case .authentication: return "authentication refused by the server"
        case .rateLimited: return "rate limited past the deadline"
        case .failure: return "internal or environment failure (disk, database)"
        }
    }
}
