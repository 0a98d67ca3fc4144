extension WebhookDispatcher {
    /// How failed deliveries are retried: exponential backoff (contract § Webhooks: "A non-2xx
    /// answer is retried with exponential backoff"). Tests shorten `baseDelay`.
    struct RetryPolicy: Sendable {
        /// Seconds before the first retry; each later retry waits `multiplier` times longer.
        var baseDelay: Double = 0.5
        var multiplier: Double = 2
        /// No single wait exceeds this many seconds.
        var maxDelay: Double = 30
        /// Attempts in all, the first included.
        var maxAttempts = 8

        /// Seconds to wait before attempt `attempt` (2 is the first retry).
        func delay(before attempt: Int) -> Double {
            var delay = baseDelay
            for _ in 0..<max(0, attempt - 2) { delay *= multiplier }
            return min(maxDelay, delay)
        }
    }

    /// Deliberate disorder, drawn from the seeded generator, so receivers can be tested against what
    /// the contract allows ("deliveries may repeat and arrive out of order"). Off by default, so
    /// deliveries go once and in commit order; the `webhook_*` fault knobs turn it on.
    struct Chaos: Sendable {
        /// The chance that a delivery is sent twice (same event `id`).
        var duplicate: Double = 0
        /// Sends each first attempt after a random delay of up to `maxJitter` seconds instead of in order.
        var shuffle = false
        var maxJitter: Double = 0.2
        /// The chance that an attempt fails without being sent, so that it is retried.
        var fail: Double = 0

        /// The chaos the operator's fault knobs ask for.
        init(_ faults: FaultConfiguration) {
            duplicate = faults.webhookDuplicate
            shuffle = faults.webhookShuffleMilliseconds > 0
            maxJitter = Double(faults.webhookShuffleMilliseconds) / 1000
            fail = faults.webhookFail
        }

        init(duplicate: Double = 0, shuffle: Bool = false, maxJitter: Double = 0.2, fail: Double = 0) {
            self.duplicate = duplicate
            self.shuffle = shuffle
            self.maxJitter = maxJitter
            self.fail = fail
        }
    }
}
