import Replica

/// What a sync would send now, in which order, and how long the rate limit would make it take,
/// worked out without sending anything (`SyncEngine.plan()`).
public struct SyncPlan: Sendable, Equatable {
    /// One entry the push would send.
    public struct Step: Sendable, Equatable {
        public var seq: Int64
        public var kind: OutboxKind
        /// `METHOD path`, ids only (a path with a local id gets its server id once its create is done).
        public var request: String
        /// Whether it goes at `.money` priority.
        public var isMoney: Bool
    }

    /// The entries the push would send, in order: rounds of what is sendable (money first,
    /// then in the order taken), each round unblocking the next.
    public var steps: [Step] = []
    /// Pending entries that wait on a failed or conflicting entry: not sent until it is resolved.
    public var blocked: [Int64] = []
    /// Entries already failed or in conflict, waiting for the user.
    public var needsAttention: [Int64] = []
    /// Requests the sync needs at least: one per step and at least one page per resource.
    public var minimumRequests = 0
    /// What the `most` bucket has left now, and its size.
    public var remaining = 0
    public var limit = 0
    /// How long the rate limit alone would hold the sync back (zero when the bucket suffices).
    public var estimatedWait: Duration = .zero
}
