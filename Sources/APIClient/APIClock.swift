/// A monotonic clock the client, its retry loop and its rate-limit scheduler read and sleep on.
///
/// Injected so that tests and benchmarks can run minutes of rate-limit windows in milliseconds
/// (`ManualClock`); production uses `SystemClock`. Instants are offsets from the clock's own
/// origin, so two clocks' readings are never compared.
public protocol APIClock: Sendable {
    /// The time elapsed since this clock's origin.
    func now() -> Duration
    /// Suspends until `now() >= deadline`; throws `CancellationError` when the task is cancelled.
    func sleep(until deadline: Duration) async throws
}

extension APIClock {
    /// Suspends for `duration` (nothing when it is zero or negative).
    public func sleep(for duration: Duration) async throws {
        guard duration > .zero else { return }
        try await sleep(until: now() + duration)
    }
}
