import APIClient
import FincoreModel
import Foundation
import XCTest

/// Exactly once under faults: every repayment the caller sends once exists once on the server,
/// although connections drop after commit and the server answers 503 (contract § Idempotency).
final class SandboxExactlyOnceTests: XCTestCase {
    static let repayments = 200
    /// Callers at once: about two per connection (`URLSessionTransport` opens four to a host), so
    /// that one sleeping out a 503's `Retry-After` leaves its connection to another. Many more
    /// would queue inside URLSession, whose timeout also counts the time spent queued.
    static let workers = 8
    static let amount: Int64 = 1_000

    func testRepaymentsThroughDropsAnd503sExistExactlyOnce() async throws {
        let sandbox = try await SandboxFixture()
        var made: [Loan] = []
        for _ in 0..<4 { made.append(try await sandbox.makeActiveLoan(principal: 100_000_000)) }
        let loans = made
        try await sandbox.setFaults(["drop_after_commit": 0.3, "error_503": 0.2])

        // Why a 1 s attempt timeout: on Linux, a POST on a reused keep-alive connection that the
        // server closes without answering is resent by libcurl on a new connection, but
        // FoundationNetworking cannot rewind an `httpBody`, so the resend has headers and no
        // body and hangs until a timeout (the sandbox's 10 s read timeout, else ours). A short
        // attempt timeout turns that into a quick `.timedOut`, retried under the same key.
        // Twelve attempts: with about 44% of attempts failing, four would leave some unsent.
        let api = sandbox.makeClient {
            $0.requestTimeout = .seconds(1)
            $0.retryPolicy = RetryPolicy(maxAttempts: 12, baseDelay: .milliseconds(10), maxDelay: .milliseconds(100),
                                         deadline: .seconds(50))
        }
        let started = ContinuousClock.now
        let results = try await Self.inParallel(Self.repayments, workers: Self.workers) { index in
            try await api.createRepayment(loans[index % loans.count].id,
                                          NewRepayment(amount: Self.amount, method: .cash, reference: "once-\(index)"))
        }
        let elapsed = ContinuousClock.now - started
        try await sandbox.setFaults(["drop_after_commit": 0, "error_503": 0])

        XCTAssertEqual(results.count, Self.repayments)
        XCTAssertEqual(Set(results.map(\.value.id)).count, Self.repayments, "one payment per call")
        let onServer = try await sandbox.api.listPayments(ListQuery(limit: 1), filter: PaymentFilter(type: .repayment))
        XCTAssertEqual(onServer.value.meta.total, Self.repayments)
        for (index, loan) in loans.enumerated() {
            let count = Int64((Self.repayments - index + loans.count - 1) / loans.count)
            let balance = try await sandbox.api.loan(loan.id).value.balance
            XCTAssertEqual(balance, loan.balance - count * Self.amount)
        }
        let replayed = results.filter(\.meta.replayed).count
        let drops = try await sandbox.injected("drop_after_commit")
        let unavailable = try await sandbox.injected("error_503")
        XCTAssertGreaterThan(drops, 0)
        XCTAssertGreaterThan(unavailable, 0)
        XCTAssertGreaterThan(replayed, 0, "a dropped answer is recovered from the idempotency store")
        print("exactly-once: \(Self.repayments) repayments in \(elapsed); \(drops) drops, \(unavailable) 503s,"
              + " \(replayed) replayed, attempts \(results.map(\.meta.attempts).reduce(0, +))")
        await sandbox.stop()
    }

    /// Runs `body` for `0..<count` with at most `workers` calls under way, results in any order.
    static func inParallel<T: Sendable>(
        _ count: Int, workers: Int, _ body: @escaping @Sendable (Int) async throws -> T
    ) async throws -> [T] {
        try await withThrowingTaskGroup(of: T.self) { group in
            var next = 0
            var results: [T] = []
            while next < min(workers, count) {
                let index = next
                group.addTask { try await body(index) }
                next += 1
            }
            while let result = try await group.next() {
                results.append(result)
                if next < count {
                    let index = next
                    group.addTask { try await body(index) }
                    next += 1
                }
            }
            return results
        }
    }
}
