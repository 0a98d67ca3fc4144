extension RateLimitScheduler {
    /// The contract's two buckets: reports count apart ("Rate limits in detail").
    public enum Bucket: String, Sendable, Hashable, CaseIterable {
        /// Every endpoint but reports: 100 requests a window.
        case most
        /// Every `/v1/reports…` request: 10 requests a window.
        case reports

        /// The contract's size of the bucket, used until a response says otherwise.
        public var defaultLimit: Int { self == .reports ? 10 : 100 }

        /// The bucket a request path counts against: `reports`, `reports/rp_1/download` and
        /// `/v1/reports…` are reports; everything else is `most`.
        public static func forPath(_ path: String) -> Bucket {
            var rest = Substring(path)
            while rest.hasPrefix("/") { rest = rest.dropFirst() }
            if rest.hasPrefix("v1/") { rest = rest.dropFirst(3) }
            return rest == "reports" || rest.hasPrefix("reports/") || rest.hasPrefix("reports?") ? .reports : .most
        }
    }

    /// Leave to send one request, to be handed back with its outcome.
    public struct Permit: Sendable, Hashable {
        public let bucket: Bucket
        /// Which window the request went out in (answers from an older window are ignored).
        let generation: Int
    }

    /// A bucket paused by a 429 for longer than the caller will wait: the request was not sent.
    public struct Paused: Error, Sendable, Hashable {
        public let bucket: Bucket
        /// Time left of the pause.
        public let remaining: Duration

        /// The pause in whole seconds, rounded up (as `Retry-After` is).
        public var seconds: Int {
            let parts = remaining.components
            return Int(parts.seconds) + (parts.attoseconds > 0 ? 1 : 0)
        }
    }

    /// What the scheduler has done: for benchmarks and tests.
    public struct Counters: Sendable, Hashable {
        /// Permits granted (requests sent).
        public var sent = 0
        /// 429 answers received.
        public var throttled = 0
        /// Requests that had to queue before going out.
        public var waits = 0
        /// Total time requests spent queued.
        public var waitTime: Duration = .zero
        /// Requests refused unsent because a 429 pause outlasted what the caller would wait.
        public var heldBack = 0
    }

    /// The scheduler's view of one bucket at a moment.
    public struct Snapshot: Sendable, Hashable {
        public var limit: Int
        public var remaining: Int
        /// Time until the window refills, when known.
        public var refillsIn: Duration?
        /// Time left of a 429 pause, when one is on.
        public var pausedFor: Duration?
        public var waiting: Int
        public var inFlight: Int
    }

    /// One queued request.
    struct Waiter {
        let id: Int
        let priority: RequestPriority
        let since: Duration
        let continuation: CheckedContinuation<Permit, any Error>
    }

    /// One bucket's count, window, pause and queue.
    struct BucketState {
        struct Timer {
            let deadline: Duration
            let task: Task<Void, Never>
        }

        var limit: Int
        var remaining: Int
        /// When the current window refills; nil before the window's first request.
        var windowEnd: Duration?
        /// Whether a response has described the current window yet.
        var headerSeen = false
        /// Counts windows, so that an answer from an older one is recognised.
        var generation = 0
        /// The end of a 429 pause.
        var pausedUntil: Duration?
        var inFlight = 0
        var waiters: [Waiter] = []
        var timer: Timer?

        init(limit: Int) {
            self.limit = limit
            remaining = limit
        }

        /// Starts a new window once the current one has run out; ends a pause that is over.
        mutating func refill(now: Duration) {
            if let end = windowEnd, now >= end {
                remaining = limit
                windowEnd = nil
                headerSeen = false
                generation += 1
            }
            if let pause = pausedUntil, now >= pause { pausedUntil = nil }
        }

        func canSend(now: Duration) -> Bool {
            remaining > 0 && (pausedUntil.map { now >= $0 } ?? true)
        }

        /// The queued request to send next: highest priority, then oldest.
        func nextWaiterIndex() -> Int? {
            waiters.indices.max { a, b in
                let (x, y) = (waiters[a], waiters[b])
                return x.priority != y.priority ? x.priority < y.priority : x.id > y.id
            }
        }

        /// When the bucket may next have room: the pause's end, or the window's when it is empty.
        func nextChange(now: Duration) -> Duration? {
            var times: [Duration] = []
            if let pause = pausedUntil, pause > now { times.append(pause) }
            if remaining <= 0, let end = windowEnd { times.append(end) }
            return times.max()
        }
    }
}
