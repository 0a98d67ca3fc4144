import APIClient

/// Counts a sync's requests and turns its progress into `SyncProgress` for the caller.
///
/// Lives inside one sync, in the task that runs it, so it needs no lock; it is not `Sendable`.
final class SyncMeter {
    private let client: APIClient
    private let callback: (@Sendable (SyncProgress) -> Void)?
    private let baseline: RateLimitScheduler.Counters
    private var phaseStart = ContinuousClock.now
    private var phaseKey = ""

    private init(client: APIClient, callback: (@Sendable (SyncProgress) -> Void)?,
                 baseline: RateLimitScheduler.Counters) {
        self.client = client
        self.callback = callback
        self.baseline = baseline
    }

    /// A meter counting from the client's current counters.
    static func start(client: APIClient, callback: (@Sendable (SyncProgress) -> Void)?) async -> SyncMeter {
        SyncMeter(client: client, callback: callback, baseline: await client.scheduler.counters)
    }

    /// Requests sent and 429s received since the meter started.
    func counts() async -> (requests: Int, throttled: Int) {
        let now = await client.scheduler.counters
        return (now.sent - baseline.sent, now.throttled - baseline.throttled)
    }

    /// Reports `done` of `total` in a phase; the rate is over the time since the phase (and
    /// resource) was first reported.
    func report(_ phase: SyncProgress.Phase, _ resource: SyncResource? = nil, done: Int, total: Int? = nil) async {
        let key = "\(phase.rawValue)/\(resource?.rawValue ?? "")"
        if key != phaseKey {
            phaseKey = key
            phaseStart = .now
        }
        guard let callback else { return }
        let seconds = Self.seconds(ContinuousClock.now - phaseStart)
        let rate = seconds > 0 ? Double(done) / seconds : 0
        var eta: Duration?
        if let total, rate > 0 {
            // Clamped: a server's absurd `meta.total` (say Int.max) must not trap the Int64 conversion.
            let milliseconds = Double(max(0, total - done)) / rate * 1000
            eta = .milliseconds(Int64(min(milliseconds, Self.longestETA)))
        }
        callback(SyncProgress(phase: phase, resource: resource, done: done, total: total,
                              requests: await counts().requests, rate: rate, eta: eta))
    }

    /// The longest ETA reported, in milliseconds: a year (beyond it the number means nothing).
    static let longestETA: Double = 365 * 86_400 * 1000

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    static func microseconds(_ duration: Duration) -> Int64 {
        let parts = duration.components
        return parts.seconds * 1_000_000 + parts.attoseconds / 1_000_000_000_000
    }
}
