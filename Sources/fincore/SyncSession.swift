import APIClient
import Console
import HTTP
import Replica
import Sync

/// The session's link to the sync engine: one engine for explicit `sync` and the background loop.
struct SyncSession: Sendable {
    let engine: SyncEngine
    let auto: AutoSync
    /// What the last sync (either kind) found of the server; read by the prompt, which cannot wait.
    let connectivity: Locked<Connectivity>

    init(client: APIClient, replica: Replica) {
        engine = SyncEngine(client: client, replica: replica)
        let connectivity = Locked(Connectivity())
        self.connectivity = connectivity
        auto = AutoSync(engine: engine) { summary in connectivity.withLock { $0.record(summary.outcome) } }
    }

    /// Runs one sync in the caller's task and records what it found of the network.
    func sync(progress: (@Sendable (SyncProgress) -> Void)? = nil) async -> SyncSummary {
        let summary = await engine.sync(progress: progress)
        connectivity.withLock { $0.record(summary.outcome) }
        return summary
    }

    /// The exit status a sync's result means for a script (README, exit statuses).
    static func status(of summary: SyncSummary) -> ExitStatus {
        switch summary.outcome {
        case .completed:
            return summary.conflicts > 0 || summary.failures > 0 ? .needsAttention : .success
        case .offline, .cancelled: return .offline
        case .rateLimited: return .rateLimited
        case .unauthorized: return .authentication
        case .failed: return .failure
        }
    }
}
