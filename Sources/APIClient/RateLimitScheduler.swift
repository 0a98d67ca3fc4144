/// A client-side scheduler for the contract's rate-limit buckets: requests wait here, not in 429s.
///
/// Contract ("Rate limits in detail"): fixed one-minute windows per API key, a `most` bucket of
/// 100 and a `reports` bucket of 10, and headers on every authenticated response saying how
/// much of the bucket is left and when it refills. The scheduler keeps its own count of each
/// bucket, seeds and corrects it from those headers, and holds a request back while the
/// bucket is known to be empty, so a long run goes at the allowed rate instead of in bursts
/// of 429s. A 429 pauses the whole bucket until `Retry-After`, not just the request that got
/// it. Waiting requests go out by `RequestPriority`, then first come first served.
///
/// Estimates err on the slow side: until a response says otherwise, a window is assumed to
/// open at this client's first request in it (the latest it can have opened), and a response
/// to a request sent in an earlier window never changes the current one's count.
public actor RateLimitScheduler {
    let clock: any APIClock
    let window: Duration
    var states: [Bucket: BucketState]
    var nextWaiterID = 0
    /// What the scheduler has done so far (for benchmarks and tests).
    public private(set) var counters = Counters()

    /// A scheduler assuming full buckets of the contract's sizes and windows of `window`.
    public init(clock: any APIClock = SystemClock(), window: Duration = .seconds(60)) {
        self.clock = clock
        self.window = window
        var states: [Bucket: BucketState] = [:]
        for bucket in Bucket.allCases { states[bucket] = BucketState(limit: bucket.defaultLimit) }
        self.states = states
    }

    /// Waits until a request may be sent on `bucket`, then counts it as sent.
    ///
    /// Throws `CancellationError` if the task is cancelled while waiting, and `Paused` at once
    /// (without waiting) when a 429 paused the bucket for longer than `maximumPause`: a server
    /// that says `Retry-After: 86400` must not hold every later call for a day; each is told
    /// when to come back instead. The permit must go back through `didReceive`, `didFail` or
    /// `didNotSend`.
    public func acquire(_ bucket: Bucket, priority: RequestPriority = .normal,
                        maximumPause: Duration? = nil) async throws -> Permit {
        let now = clock.now()
        var state = self[bucket]
        state.refill(now: now)
        self[bucket] = state
        if let maximumPause, let end = state.pausedUntil, end - now > maximumPause {
            counters.heldBack += 1
            throw Paused(bucket: bucket, remaining: end - now)
        }
        if state.waiters.isEmpty, state.canSend(now: now) { return consume(bucket, now: now) }

        counters.waits += 1
        nextWaiterID += 1
        let id = nextWaiterID
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Permit, any Error>) in
                guard !Task.isCancelled else {
                    continuation.resume(throwing: CancellationError())
                    return
                }
                self[bucket].waiters.append(Waiter(id: id, priority: priority, since: now, continuation: continuation))
                pump(bucket)
            }
        } onCancel: {
            Task { await self.cancelWaiter(id, bucket: bucket) }
        }
    }

    /// Records the answer to a permitted request: its status, rate-limit headers and `Retry-After`.
    public func didReceive(_ permit: Permit, status: Int, headers: RateLimitHeaders?, retryAfterSeconds: Int?) {
        let now = clock.now()
        var state = self[permit.bucket]
        state.inFlight = max(0, state.inFlight - 1)
        state.refill(now: now)
        let current = permit.generation == state.generation
        if current, let headers {
            state.limit = max(1, headers.limit)
            let serverEnd = now + .seconds(headers.resetSeconds)
            // The first answer of a window replaces the guess; later ones only bring the end
            // closer, since each is rounded up to whole seconds ("Precise answers").
            state.windowEnd = state.headerSeen ? min(state.windowEnd ?? serverEnd, serverEnd) : serverEnd
            state.headerSeen = true
            state.remaining = min(state.remaining, headers.remaining)
        }
        if status == 429 {
            counters.throttled += 1
            let pause = Duration.seconds(max(1, retryAfterSeconds ?? headers?.resetSeconds ?? 1))
            state.pausedUntil = max(state.pausedUntil ?? .zero, now + pause)
            // The pause is the server's word on when to come back; without headers saying how
            // much is left after it, assume the bucket refills when the pause ends.
            if current, headers == nil {
                state.remaining = 0
                state.windowEnd = now + pause
            }
        }
        self[permit.bucket] = state
        pump(permit.bucket)
    }

    /// Records a permitted request that got no answer: it may have reached the server, so the
    /// request stays counted.
    public func didFail(_ permit: Permit) {
        self[permit.bucket].inFlight = max(0, self[permit.bucket].inFlight - 1)
    }

    /// Gives back a permit whose request was never sent (cancelled before it went out).
    public func didNotSend(_ permit: Permit) {
        var state = self[permit.bucket]
        state.inFlight = max(0, state.inFlight - 1)
        if permit.generation == state.generation { state.remaining = min(state.limit, state.remaining + 1) }
        counters.sent -= 1
        self[permit.bucket] = state
        pump(permit.bucket)
    }

    /// The scheduler's view of `bucket` now.
    public func snapshot(_ bucket: Bucket) -> Snapshot {
        let now = clock.now()
        var state = self[bucket]
        state.refill(now: now)
        self[bucket] = state
        return Snapshot(
            limit: state.limit, remaining: state.remaining,
            refillsIn: state.windowEnd.map { max(.zero, $0 - now) },
            pausedFor: state.pausedUntil.map { max(.zero, $0 - now) },
            waiting: state.waiters.count, inFlight: state.inFlight)
    }

    // MARK: - Internals

    subscript(bucket: Bucket) -> BucketState {
        get { states[bucket] ?? BucketState(limit: bucket.defaultLimit) }
        set { states[bucket] = newValue }
    }

    private func consume(_ bucket: Bucket, now: Duration) -> Permit {
        var state = self[bucket]
        state.remaining -= 1
        state.inFlight += 1
        if state.windowEnd == nil { state.windowEnd = now + window }
        self[bucket] = state
        counters.sent += 1
        return Permit(bucket: bucket, generation: state.generation)
    }

    /// Lets waiting requests go, best first, while the bucket has room; else sets a timer.
    private func pump(_ bucket: Bucket) {
        let now = clock.now()
        self[bucket].refill(now: now)
        while self[bucket].canSend(now: now), let index = self[bucket].nextWaiterIndex() {
            let waiter = self[bucket].waiters.remove(at: index)
            counters.waitTime += now - waiter.since
            waiter.continuation.resume(returning: consume(bucket, now: now))
        }
        if self[bucket].waiters.isEmpty {
            self[bucket].timer?.task.cancel()
            self[bucket].timer = nil
        } else if let wake = self[bucket].nextChange(now: now) {
            scheduleWake(bucket, at: wake)
        }
    }

    private func scheduleWake(_ bucket: Bucket, at deadline: Duration) {
        if let timer = self[bucket].timer, timer.deadline == deadline { return }
        self[bucket].timer?.task.cancel()
        let clock = self.clock
        let task = Task { [weak self] in
            do { try await clock.sleep(until: deadline) } catch { return }
            await self?.timerFired(bucket, deadline: deadline)
        }
        self[bucket].timer = BucketState.Timer(deadline: deadline, task: task)
    }

    private func timerFired(_ bucket: Bucket, deadline: Duration) {
        if self[bucket].timer?.deadline == deadline { self[bucket].timer = nil }
        pump(bucket)
    }

    private func cancelWaiter(_ id: Int, bucket: Bucket) {
        guard let index = self[bucket].waiters.firstIndex(where: { $0.id == id }) else { return }
        let waiter = self[bucket].waiters.remove(at: index)
        waiter.continuation.resume(throwing: CancellationError())
        pump(bucket)
    }
}
