import APIClient
import XCTest

/// The retry policy as a pure function: exact sleeps from an injected random number.
final class RetryPolicyTests: XCTestCase {
    let policy = RetryPolicy(maxAttempts: 6, baseDelay: .milliseconds(500), maxDelay: .seconds(4),
                             maxRetryAfter: .seconds(30), deadline: .seconds(60))

    func testBackoffCeilingDoublesUpToTheCap() {
        XCTAssertEqual((0..<6).map { policy.backoffCeiling(retryIndex: $0) },
                       [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(4), .seconds(4)])
    }

    func testFullJitterScalesTheCeiling() {
        let decide = { (attempts: Int, random: Double) in
            self.policy.decide(recovery: .retry, retryAfter: nil, attemptsMade: attempts, elapsed: .zero, unitRandom: random)
        }
        XCTAssertEqual(decide(1, 0), .retry(after: .zero))
        XCTAssertEqual(decide(1, 0.5), .retry(after: .milliseconds(250)))
        XCTAssertEqual(decide(3, 0.5), .retry(after: .seconds(1)))
        XCTAssertEqual(decide(5, 0.75), .retry(after: .seconds(3)))
        XCTAssertEqual(decide(6, 0.5), .stop, "six attempts made: the budget is spent")
    }

    func testRetryAfterIsAFloor() {
        XCTAssertEqual(policy.decide(recovery: .wait(seconds: 2), retryAfter: .seconds(2), attemptsMade: 1,
                                     elapsed: .zero, unitRandom: 0.9), .retry(after: .seconds(2)))
        XCTAssertEqual(policy.decide(recovery: .wait(seconds: 2), retryAfter: .seconds(2), attemptsMade: 4,
                                     elapsed: .zero, unitRandom: 0.75), .retry(after: .seconds(3)))
        XCTAssertEqual(policy.decide(recovery: .wait(seconds: 31), retryAfter: .seconds(31), attemptsMade: 1,
                                     elapsed: .zero, unitRandom: 0), .stop, "too long: the caller decides")
    }

    func testDeadlineStopsRetries() {
        XCTAssertEqual(policy.decide(recovery: .retry, retryAfter: .seconds(5), attemptsMade: 1,
                                     elapsed: .seconds(55), unitRandom: 0), .stop)
        XCTAssertEqual(policy.decide(recovery: .retry, retryAfter: .seconds(5), attemptsMade: 1,
                                     elapsed: .seconds(54), unitRandom: 0), .retry(after: .seconds(5)))
    }

    func testOnlyRetriableRecoveriesAreRetried() {
        for recovery in [Recovery.giveUp, .fixInput, .resolveConflict] {
            XCTAssertEqual(policy.decide(recovery: recovery, retryAfter: nil, attemptsMade: 1, elapsed: .zero,
                                         unitRandom: 0), .stop, "\(recovery)")
        }
    }
}
