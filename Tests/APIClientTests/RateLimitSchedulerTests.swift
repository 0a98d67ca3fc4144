import APIClient
import XCTest

/// The scheduler on a manual clock: no sending into a known-empty bucket, whole-bucket pauses,
/// priorities, and a steady rate over several windows.
final class RateLimitSchedulerTests: XCTestCase {
    typealias Scheduler = RateLimitScheduler

    func testPathsPickTheirBucket() {
        XCTAssertEqual(Scheduler.Bucket.forPath("reports"), .reports)
        XCTAssertEqual(Scheduler.Bucket.forPath("reports/rp_1/download"), .reports)
        XCTAssertEqual(Scheduler.Bucket.forPath("/v1/reports"), .reports)
        XCTAssertEqual(Scheduler.Bucket.forPath("loans/ln_1/repayments"), .most)
        XCTAssertEqual(Scheduler.Bucket.forPath("reportsx"), .most)
    }

    /// Once headers say the bucket is empty, nothing goes out until the window resets.
    func testNeverSendsWhileTheBucketIsKnownEmpty() async throws {
        let clock = ManualClock()
        let scheduler = Scheduler(clock: clock)
        let permit = try await scheduler.acquire(.most)
        await scheduler.didReceive(permit, status: 200, headers: RateLimitHeaders(limit: 100, remaining: 0, resetSeconds: 5),
                                   retryAfterSeconds: nil)
        let waiting = Task { try await scheduler.acquire(.most) }
        let queued = await eventually { await scheduler.snapshot(.most).waiting == 1 }
        XCTAssertTrue(queued)
        clock.advance(by: .milliseconds(4900))
        try await Task.sleep(for: .milliseconds(20))
        let stillWaiting = await scheduler.snapshot(.most)
        XCTAssertEqual(stillWaiting.waiting, 1, "4.9 s into a 5 s reset: still held back")
        XCTAssertEqual(stillWaiting.inFlight, 0)
        clock.advance(by: .milliseconds(100))
        _ = try await waiting.value
        let after = await scheduler.snapshot(.most)
        XCTAssertEqual(after.remaining, 99, "a new window: the limit less the one just sent")
    }

    /// Without any headers, the scheduler's own count stops it at the contract's limit.
    func testOwnCountStopsAtTheLimit() async throws {
        let clock = ManualClock()
        let scheduler = Scheduler(clock: clock, window: .seconds(60))
        for _ in 0..<10 { _ = try await scheduler.acquire(.reports) }
        let eleventh = Task { try await scheduler.acquire(.reports) }
        let queued = await eventually { await scheduler.snapshot(.reports).waiting == 1 }
        XCTAssertTrue(queued)
        let most = try await scheduler.acquire(.most)
        XCTAssertEqual(most.bucket, .most, "the other bucket is not held back")
        clock.advance(by: .seconds(60))
        _ = try await eleventh.value
        let counters = await scheduler.counters
        XCTAssertEqual(counters.sent, 12)
        XCTAssertEqual(counters.waits, 1)
        XCTAssertEqual(counters.waitTime, .seconds(60))
    }

    /// A 429 pauses every request of the bucket until Retry-After, not just the one that got it.
    func testA429PausesTheWholeBucket() async throws {
        let clock = ManualClock()
        let scheduler = Scheduler(clock: clock)
        let first = try await scheduler.acquire(.most)
        await scheduler.didReceive(first, status: 429, headers: RateLimitHeaders(limit: 100, remaining: 40, resetSeconds: 30),
                                   retryAfterSeconds: 2)
        let others = (0..<3).map { _ in Task { try await scheduler.acquire(.most, priority: .normal) } }
        let queued = await eventually { await scheduler.snapshot(.most).waiting == 3 }
        XCTAssertTrue(queued)
        let paused = await scheduler.snapshot(.most).pausedFor
        XCTAssertEqual(paused, .seconds(2))
        clock.advance(by: .milliseconds(1999))
        try await Task.sleep(for: .milliseconds(20))
        let stillWaiting = await scheduler.snapshot(.most).waiting
        XCTAssertEqual(stillWaiting, 3)
        clock.advance(by: .milliseconds(1))
        for task in others { _ = try await task.value }
        let throttled = await scheduler.counters.throttled
        XCTAssertEqual(throttled, 1)
        let remaining = await scheduler.snapshot(.most).remaining
        XCTAssertEqual(remaining, 37, "40 left by the 429's headers, less the three sent after the pause")
    }

    /// When several wait, money goes first, then normal, then background; ties in arrival order.
    /// A window of one request makes the grant order observable: one completion per refill.
    func testHigherPriorityGoesFirst() async throws {
        let clock = ManualClock()
        let scheduler = Scheduler(clock: clock, window: .seconds(1))
        let permit = try await scheduler.acquire(.most)
        await scheduler.didReceive(permit, status: 200, headers: RateLimitHeaders(limit: 1, remaining: 0, resetSeconds: 1),
                                   retryAfterSeconds: nil)
        let order = EventOrder()
        let wanted: [(String, RequestPriority)] = [("bg1", .background), ("n1", .normal), ("bg2", .background),
                                                   ("m1", .money), ("n2", .normal), ("m2", .money)]
        var tasks: [Task<Void, any Error>] = []
        for (index, (name, priority)) in wanted.enumerated() {
            tasks.append(Task {
                let permit = try await scheduler.acquire(.most, priority: priority)
                order.append(name)
                await scheduler.didFail(permit)
            })
            let queued = await eventually { await scheduler.snapshot(.most).waiting == index + 1 }
            XCTAssertTrue(queued)
        }
        for step in 1...wanted.count {
            clock.advance(by: .seconds(1))
            let granted = await eventually { order.all.count == step }
            XCTAssertTrue(granted, "step \(step)")
        }
        for task in tasks { try await task.value }
        XCTAssertEqual(order.all, ["m1", "m2", "n1", "n2", "bg1", "bg2"])
    }

    /// A request cancelled while it waits leaves the queue and throws; the bucket is untouched.
    func testCancelledWaiterLeavesTheQueue() async throws {
        let clock = ManualClock()
        let scheduler = Scheduler(clock: clock)
        let permit = try await scheduler.acquire(.reports)
        await scheduler.didReceive(permit, status: 200, headers: RateLimitHeaders(limit: 10, remaining: 0, resetSeconds: 30),
                                   retryAfterSeconds: nil)
        let waiting = Task { try await scheduler.acquire(.reports) }
        let queued = await eventually { await scheduler.snapshot(.reports).waiting == 1 }
        XCTAssertTrue(queued)
        waiting.cancel()
        do {
            _ = try await waiting.value
            XCTFail("a cancelled wait must throw")
        } catch {
            XCTAssertTrue(error is CancellationError)
        }
        let after = await scheduler.snapshot(.reports)
        XCTAssertEqual(after.waiting, 0)
        XCTAssertEqual(after.remaining, 0)
    }

    /// 250 requests against a 100-a-window server: exactly 100 per window, no 429.
    func testSteadyRateOverSeveralWindows() async throws {
        // Auto-advance: when the bucket is empty, the scheduler's own timer jumps to the refill.
        let clock = ManualClock(autoAdvance: true)
        let scheduler = Scheduler(clock: clock, window: .seconds(60))
        let server = FixedWindowCounter(limit: 100, window: .seconds(60))
        var sentAt: [Duration] = []
        for _ in 0..<250 {
            let permit = try await scheduler.acquire(.most, priority: .background)
            let now = clock.now()
            sentAt.append(now)
            let answer = server.count(at: now)
            await scheduler.didReceive(permit, status: answer.allowed ? 200 : 429, headers: answer.headers,
                                       retryAfterSeconds: answer.allowed ? nil : answer.headers.resetSeconds)
            clock.advance(by: .milliseconds(10))
        }
        let counters = await scheduler.counters
        XCTAssertEqual(counters.throttled, 0)
        XCTAssertEqual(server.rejected, 0)
        XCTAssertEqual(counters.waits, 2, "one wait for each refill")
        let perWindow = server.perWindow
        XCTAssertEqual(perWindow, [100, 100, 50])
        XCTAssertLessThan(sentAt.last ?? .zero, .seconds(125), "no window wasted: the third opens near 120 s")
    }
}

/// Names in the order tasks reached a point.
final class EventOrder: @unchecked Sendable {
    // @unchecked: `names` is only touched under `lock`.
    private let lock = NSLock()
    private var names: [String] = []
    func append(_ name: String) { lock.withLock { names.append(name) } }
    var all: [String] { lock.withLock { names } }
}

/// A server-side fixed-window counter like the sandbox's: a window opens at the first request.
final class FixedWindowCounter: @unchecked Sendable {
    // @unchecked: used from one test task only.
    let limit: Int
    let window: Duration
    private var start: Duration?
    private var used = 0
    private(set) var rejected = 0
    private(set) var perWindow: [Int] = []

    init(limit: Int, window: Duration) {
        self.limit = limit
        self.window = window
    }

    func count(at now: Duration) -> (allowed: Bool, headers: RateLimitHeaders) {
        if start.map({ now >= $0 + window }) ?? true {
            start = now
            used = 0
            perWindow.append(0)
        }
        let end = (start ?? now) + window
        let allowed = used < limit
        if allowed {
            used += 1
            perWindow[perWindow.count - 1] += 1
        } else {
            rejected += 1
        }
        let left = end - now
        let reset = Int(left.components.seconds) + (left.components.attoseconds > 0 ? 1 : 0)
        return (allowed, RateLimitHeaders(limit: limit, remaining: limit - used, resetSeconds: max(1, reset)))
    }
}
