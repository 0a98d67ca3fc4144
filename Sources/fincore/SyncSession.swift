import APIClient
import Console
import Replica
import Sync

/// The session's link to the sync engine: one engine for explicit `sync` and the background loop.
struct SyncSession: Sendable {
    let engine: SyncEngine
    let auto: AutoSync

    init(client: APIClient, replica: Replica) {
        engine = SyncEngine(client: client, replica: replica)
        auto = AutoSync(engine: engine)
    }

    /// The exit status a sync's result means for a script (README, exit statuses).
    static func status(of summary: SyncSummary) -> ExitStatus {
        switch summary.outcome {
        case .completed:
            return summary.conflicts > 0 || summary.failures > 0 ? .needsAttention : .success
        case .offline, .cancelled: return .offline
        case .unauthorized: return .authentication
        case .failed: return .failure
        }
    }
}
