import SandboxServer
import XCTest

final class RateLimiterTests: XCTestCase {
    func testCountsDownThenRefusesUntilTheWindowEnds() {
        let limiter = RateLimiter(window: 60)
        for used in 1...100 {
            let decision = limiter.admit(apiKey: "k", bucket: .most, now: 1000 + Double(used) * 0.01)
            XCTAssertTrue(decision.allowed)
            XCTAssertEqual(decision.remaining, 100 - used)
            XCTAssertEqual(decision.limit, 100)
        }
        let refused = limiter.admit(apiKey: "k", bucket: .most, now: 1030.2)
        XCTAssertFalse(refused.allowed)
        XCTAssertEqual(refused.remaining, 0)
        XCTAssertEqual(refused.resetSeconds, 30) // window opened at 1000.01: 29.81 s left, rounded up
        XCTAssertTrue(refused.headers.contains { $0 == ("Retry-After", "30") })

        let next = limiter.admit(apiKey: "k", bucket: .most, now: 1060.02)
        XCTAssertTrue(next.allowed)
        XCTAssertEqual(next.remaining, 99)
    }

    func testBucketsAndKeysCountApart() {
        let limiter = RateLimiter(window: 60)
        for _ in 1...10 { XCTAssertTrue(limiter.admit(apiKey: "a", bucket: .reports, now: 0).allowed) }
        XCTAssertFalse(limiter.admit(apiKey: "a", bucket: .reports, now: 1).allowed)
        XCTAssertTrue(limiter.admit(apiKey: "a", bucket: .most, now: 1).allowed)
        XCTAssertTrue(limiter.admit(apiKey: "b", bucket: .reports, now: 1).allowed)
    }

    func testResetIsAtLeastOneWhenEmpty() {
        let limiter = RateLimiter(window: 0.5)
        for _ in 1...10 { _ = limiter.admit(apiKey: "a", bucket: .reports, now: 0) }
        let refused = limiter.admit(apiKey: "a", bucket: .reports, now: 0.499)
        XCTAssertFalse(refused.allowed)
        XCTAssertEqual(refused.resetSeconds, 1)
    }

    func testZeroWindowTurnsLimitingOff() {
        let limiter = RateLimiter(window: 0)
        for _ in 1...1000 { XCTAssertTrue(limiter.admit(apiKey: "a", bucket: .most, now: 0).allowed) }
    }

    func testExhaustEmptiesTheBucketForTheWindow() {
        let limiter = RateLimiter(window: 10)
        _ = limiter.admit(apiKey: "a", bucket: .most, now: 0)
        let storm = limiter.exhaust(apiKey: "a", bucket: .most, now: 2)
        XCTAssertEqual(storm.resetSeconds, 8)
        XCTAssertFalse(limiter.admit(apiKey: "a", bucket: .most, now: 5).allowed)
        XCTAssertTrue(limiter.admit(apiKey: "a", bucket: .most, now: 10).allowed)
    }

    func testBucketForPath() {
        XCTAssertEqual(RateLimitBucket.forPath("/v1/reports"), .reports)
        XCTAssertEqual(RateLimitBucket.forPath("/v1/reports/rp_1/download"), .reports)
        XCTAssertEqual(RateLimitBucket.forPath("/v1/reportsx"), .most)
        XCTAssertEqual(RateLimitBucket.forPath("/v1/clients"), .most)
    }
}
