import HTTP

/// Counts requests per API key and bucket in fixed windows, as the contract's rate limits do.
///
/// A window opens with the first request after the previous one ended and lasts `window` seconds
/// (60 on a real server; `--rate-window` shortens it for tests, 0 turns limiting off). Time is
/// passed in as monotonic seconds so that tests need not sleep.
public final class RateLimiter: Sendable {
    private struct Window {
        var start: Double
        var used: Int
    }

    private struct Key: Hashable {
        let apiKey: String
        let bucket: RateLimitBucket
    }

    /// The window length in seconds; 0 disables limiting (headers still show a full bucket).
    public let window: Double
    private let windows = Locked<[Key: Window]>([:])

    public init(window: Double) {
        self.window = window
    }

    /// Counts one request if the bucket has room and says what to answer.
    public func admit(apiKey: String, bucket: RateLimitBucket, now: Double) -> RateLimitDecision {
        let limit = bucket.limit
        guard window > 0 else {
            return RateLimitDecision(allowed: true, limit: limit, remaining: limit, resetSeconds: 0)
        }
        let key = Key(apiKey: apiKey, bucket: bucket)
        return windows.withLock { windows in
            var current = windows[key] ?? Window(start: now, used: 0)
            if now >= current.start + window { current = Window(start: now, used: 0) }
            let allowed = current.used < limit
            if allowed { current.used += 1 }
            windows[key] = current
            let remaining = limit - current.used
            return RateLimitDecision(
                allowed: allowed, limit: limit, remaining: remaining,
                resetSeconds: resetSeconds(until: current.start + window, now: now, empty: remaining == 0))
        }
    }

    /// Empties a bucket for the rest of its window: a 429 storm injected by the fault knobs.
    public func exhaust(apiKey: String, bucket: RateLimitBucket, now: Double) -> RateLimitDecision {
        let limit = bucket.limit
        let key = Key(apiKey: apiKey, bucket: bucket)
        let end: Double = windows.withLock { windows in
            var current = windows[key] ?? Window(start: now, used: 0)
            if window > 0, now >= current.start + window { current = Window(start: now, used: 0) }
            current.used = limit
            if window > 0 { windows[key] = current }
            return window > 0 ? current.start + window : now + 1
        }
        return RateLimitDecision(allowed: false, limit: limit, remaining: 0,
                                 resetSeconds: resetSeconds(until: end, now: now, empty: true))
    }

    /// Whole seconds, rounded up, and at least 1 when the bucket is empty (contract: "Precise answers").
    private func resetSeconds(until end: Double, now: Double, empty: Bool) -> Int {
        let seconds = max(0, Int((end - now).rounded(.up)))
        return empty ? max(1, seconds) : seconds
    }
}
