import FincoreModel
import Sync

/// Whether the server was reachable at the last sync, explicit or background: the prompt and
/// `status` show this, not only the user's `offline` setting.
struct Connectivity: Sendable, Equatable {
    enum Reach: Sendable, Equatable {
        /// No sync has run yet this session.
        case unknown
        case online
        /// The last sync found no network or no answer; `since` is the first such failure in a row.
        case unreachable(since: Timestamp)
        /// The server answered 401.
        case keyRefused
    }

    private(set) var reach = Reach.unknown

    /// Takes in how a sync ended. A cancelled or locally failed run says nothing of the network;
    /// a 429 proves the server is there.
    mutating func record(_ outcome: SyncOutcome, at now: Timestamp = .now()) {
        switch outcome {
        case .completed, .rateLimited: reach = .online
        case .offline:
            if case .unreachable = reach { return }
            reach = .unreachable(since: now)
        case .unauthorized: reach = .keyRefused
        case .cancelled, .failed: return
        }
    }
}
