/// Where background syncing stands, for the REPL's prompt and `status` command.
public enum AutoSyncState: Sendable, Equatable {
    /// Not started, or stopped.
    case stopped
    /// Started, no sync finished yet.
    case starting
    /// A sync is running.
    case syncing
    /// The last sync got through.
    case online
    /// The last sync found no network; the next try is after the backoff.
    case offline(retryIn: Duration)
    /// The server refused the key: nothing is tried until the user fixes it and starts again.
    case unauthorized
}
