/// A snapshot of a sync under way, handed to the caller's progress callback.
public struct SyncProgress: Sendable, Equatable {
    /// The step a sync is in.
    public enum Phase: String, Sendable {
        case push
        /// A first sync through an `export` report.
        case export
        case pull
        /// Removing clients that left the scope.
        case sweep
        case done
    }

    public var phase: Phase
    /// The resource being pulled or exported, nil while pushing.
    public var resource: SyncResource?
    /// Objects (or outbox entries) handled in this phase and resource so far.
    public var done: Int
    /// How many there are in all, when known (an export's count, a listing's `meta.total`).
    public var total: Int?
    /// Requests sent since the sync began.
    public var requests: Int
    /// Objects per second over this phase and resource.
    public var rate: Double
    /// Time left at that rate, when the total is known.
    public var eta: Duration?

    public init(phase: Phase, resource: SyncResource? = nil, done: Int = 0, total: Int? = nil, requests: Int = 0,
                rate: Double = 0, eta: Duration? = nil) {
        self.phase = phase
        self.resource = resource
        self.done = done
        self.total = total
        self.requests = requests
        self.rate = rate
        self.eta = eta
    }
}
