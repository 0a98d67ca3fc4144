/// What one sync did: counts only, no personal data (it is journaled as is).
public struct SyncSummary: Sendable, Equatable {
    public var outcome: SyncOutcome = .completed
    /// Outbox entries the server accepted this run.
    public var pushed = 0
    /// Objects written to the replica (newer than what it had).
    public var pulled = 0
    /// Tombstones applied and clients purged (deleted on the server or out of scope).
    public var deleted = 0
    /// Entries that met a `412` on fields the user also changed.
    public var conflicts = 0
    /// Entries the server refused.
    public var failures = 0
    /// Requests sent (every attempt, retries included).
    public var requests = 0
    /// `429` answers received.
    public var throttled = 0
    /// Entries still waiting to be pushed when the run ended.
    public var unpushed = 0
    /// Wall time of the run.
    public var duration: Duration = .zero

    public init() {}

    /// Adds another run's counts to these (the outcome stays unless this one completed).
    mutating func absorb(_ other: SyncSummary) {
        pushed += other.pushed
        pulled += other.pulled
        deleted += other.deleted
        conflicts += other.conflicts
        failures += other.failures
        if outcome.isCompleted { outcome = other.outcome }
    }
}
