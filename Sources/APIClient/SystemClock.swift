/// The real monotonic clock (`ContinuousClock`), which keeps counting while the machine sleeps.
///
/// A continuous clock matters for an agent on a phone or laptop: a rate-limit window or a
/// `Retry-After` that ran out while the lid was closed has really run out.
public struct SystemClock: APIClock {
    private let origin: ContinuousClock.Instant

    public init() { origin = ContinuousClock.now }

    public func now() -> Duration { ContinuousClock.now - origin }

    public func sleep(until deadline: Duration) async throws {
        try await ContinuousClock().sleep(until: origin + deadline, tolerance: nil)
    }
}
