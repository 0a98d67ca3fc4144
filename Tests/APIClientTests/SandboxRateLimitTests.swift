import APIClient
import FincoreModel
import XCTest

/// The scheduler against the sandbox's real fixed windows (contract § Rate limits in detail).
final class SandboxRateLimitTests: XCTestCase {
    static let window = 2.0
    static let requests = 300

    /// Three windows' worth of requests finish in about three windows, and the scheduler holds
    /// requests back instead of spending them on 429s.
    func testThreeWindowsOfRequestsGoAtTheAllowedRate() async throws {
        let sandbox = try await SandboxFixture({ $0.rateWindowSeconds = Self.window },
                                               client: { $0.rateLimitWindow = .seconds(Self.window) })
        let api = sandbox.api
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<Self.requests {
                group.addTask { _ = try await api.listClients(ListQuery(limit: 1)) }
            }
            try await group.waitForAll()
        }
        let elapsed = ContinuousClock.now - started
        let counters = await api.scheduler.counters
        let served = try await sandbox.stats()["requests_by_status"] as? [String: Int]

        // 100 a window: the first hundred at once, the others after one and two refills.
        XCTAssertGreaterThanOrEqual(elapsed, .seconds(2 * Self.window))
        XCTAssertLessThan(elapsed, .seconds(3.5 * Self.window))
        XCTAssertLessThanOrEqual(counters.throttled, 3, "at most one 429 a window")
        XCTAssertEqual(served?["429"] ?? 0, counters.throttled)
        XCTAssertEqual(served?["200"], Self.requests)
        // Nothing is sent into a bucket known to be empty: every send is an answered request
        // or one of the few 429s, and the rest of the time went into waiting.
        XCTAssertEqual(counters.sent, Self.requests + counters.throttled)
        XCTAssertGreaterThanOrEqual(counters.waits, Self.requests - 100)
        print("rate limit: \(Self.requests) requests in \(elapsed) (window \(Self.window) s),"
              + " \(counters.throttled) 429s, \(counters.waits) waited")
        await sandbox.stop()
    }
}
