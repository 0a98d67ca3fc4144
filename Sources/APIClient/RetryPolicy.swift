/// When and how long to wait before sending a failed request again: a pure function of its inputs.
///
/// Exponential backoff with full jitter, as Stripe's SDKs do and for the reason AWS gives
/// ("Exponential Backoff And Jitter"): a fleet of agents coming back online together must not
/// retry in lockstep. The sleep before retry `n` (0 for the first retry) is
/// `random(0, min(maxDelay, baseDelay · 2ⁿ))`; a server's `Retry-After` is a floor, never
/// shortened by jitter. Only failures whose `Recovery` is `.retry` or `.wait` are retried, so
/// a 4xx other than `409 idempotency_in_progress` and `429` never is (contract: "Errors fixed here").
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included (1 means never retry).
    public var maxAttempts: Int
    /// The backoff ceiling before the first retry; it doubles for each later retry.
    public var baseDelay: Duration
    /// No backoff sleep is longer than this.
    public var maxDelay: Duration
    /// A `Retry-After` longer than this is not slept through: the error goes back to the caller,
    /// whose `Recovery.wait(seconds:)` says when to come back (the outbox can do other work).
    public var maxRetryAfter: Duration
    /// The time budget of one call, every attempt and sleep included; nil for none.
    public var deadline: Duration?

    public init(
        maxAttempts: Int = 4,
        baseDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(20),
        maxRetryAfter: Duration = .seconds(60),
        deadline: Duration? = .seconds(120)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.deadline = deadline
    }

    /// The defaults: four attempts, 0.5 s doubling up to 20 s, two minutes in all.
    public static let standard = RetryPolicy()

    /// One attempt, no retries (for tests and for callers that run their own loop).
    public static let never = RetryPolicy(maxAttempts: 1)

    /// The jitter ceiling before retry `retryIndex` (0 for the first retry): `min(cap, base · 2ⁿ)`.
    public func backoffCeiling(retryIndex: Int) -> Duration {
        var ceiling = baseDelay
        var n = max(0, retryIndex)
        while n > 0, ceiling < maxDelay {
            ceiling *= 2
            n -= 1
        }
        return min(ceiling, maxDelay)
    }

    /// Whether to retry after an attempt failed.
    ///
    /// - Parameters:
    ///   - recovery: the failure's `Recovery`.
    ///   - retryAfter: the server's `Retry-After`, when it sent one.
    ///   - attemptsMade: attempts sent so far, the failed one included (1 after the first).
    ///   - elapsed: time since the first attempt started.
    ///   - unitRandom: a number in `0..<1` (injected so that tests are exact).
    public func decide(
        recovery: Recovery,
        retryAfter: Duration?,
        attemptsMade: Int,
        elapsed: Duration,
        unitRandom: Double
    ) -> RetryDecision {
        guard recovery.isRetriable, attemptsMade < maxAttempts else { return .stop }
        if let retryAfter, retryAfter > maxRetryAfter { return .stop }
        let fraction = min(max(unitRandom, 0), 1)
        let jittered = backoffCeiling(retryIndex: attemptsMade - 1) * fraction
        let sleep = max(jittered, retryAfter ?? .zero)
        if let deadline, elapsed + sleep >= deadline { return .stop }
        return .retry(after: sleep)
    }
}
