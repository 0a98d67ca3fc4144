import APIClient
import FincoreModel
import Foundation
import XCTest

/// Fixtures and guards of the hostile-server tests.
extension HostileServerTests {
    // MARK: Helpers

    func page(_ items: [String]) -> String {
        ModelFixtures.page(items, total: items.count, limit: 20, offset: 0)
    }

    /// A disbursed loan of 1,200.00 KES over 12 months at 10%: balance 132,000, 12 instalments.
    static func activeLoan() -> Loan {
        var loan = Loan(id: ModelFixtures.loanID, createdAt: ModelFixtures.t0, updatedAt: ModelFixtures.t0,
                        clientID: ModelFixtures.clientID, principal: 120_000, currency: .kes, interestRateBps: 1000,
                        termMonths: 12)
        loan.status = .active
        loan.balance = 132_000
        loan.schedule = (1...12).map { month in
            Instalment(dueDate: CivilDate(year: 2027, month: month, day: 1) ?? CivilDate(daysSinceEpoch: 0),
                       principalDue: 10_000, interestDue: 1_000, paid: 0)
        }
        return loan
    }

    /// Runs `body`, failing instead of hanging if it has not finished within `seconds`: a guard
    /// against a regression turning into a stuck test run, not a timing assertion.
    func within<T: Sendable>(_ seconds: Double = 30, _ body: @escaping @Sendable () async throws -> T)
        async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                throw Hung()
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw Hung() }
            return first
        }
    }

    struct Hung: Error {}

    /// A count kept by a task the test reads it from.
    final class Counted: @unchecked Sendable {
        // @unchecked: `count` is only touched under `lock`.
        private let lock = NSLock()
        private var count = 0

        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    /// Lines received by a task the test hands them over from.
    final class Collected: @unchecked Sendable {
        // @unchecked: `lines` is only touched under `lock`.
        private let lock = NSLock()
        private var lines: [String] = []

        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    /// Waits (up to 10 s) until the server saw the client close a streamed answer.
    func waitForHangUp(_ server: LoopbackServer, file: StaticString = #filePath, line: UInt = #line) async throws {
        for _ in 0..<200 where server.hangUps == 0 { try await Task.sleep(for: .milliseconds(50)) }
        XCTAssertEqual(server.hangUps, 1, "the client closed the connection", file: file, line: line)
    }
}
