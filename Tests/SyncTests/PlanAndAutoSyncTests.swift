import APIClient
import FincoreModel
import Foundation
import Replica
@testable import Sync
import XCTest

/// `plan()` without sending, `AutoSync`'s offline/online states, and the push rule table.
final class PlanAndAutoSyncTests: SyncTestCase {
    func testEveryOutboxKindHasAPushRule() {
        for kind in OutboxKind.allCases {
            XCTAssertEqual(PushRule.table.filter { $0.kind == kind }.count, 1, "\(kind)")
        }
        XCTAssertTrue(PushRule.of(.repay).isMoney)
        XCTAssertTrue(PushRule.of(.disburseLoan).stillAllowed(.object(["status": .string("approved")])))
        XCTAssertFalse(PushRule.of(.disburseLoan).stillAllowed(.object(["status": .string("active")])))
        XCTAssertTrue(PushRule.of(.verifyKYC).stillAllowed(.object(["kyc": .object(["status": .string("pending")])])))
    }

    func testPlanOrdersMoneyFirstAfterDependenciesAndSendsNothing() async throws {
        try await startSandbox()
        let api = try makeClient()
        let (client, loan) = try await makeActiveLoan(api)
        let engine = try makeEngine()
        _ = await engine.sync()
        let edit = try engine.replica.editClient(client.id, ClientPatch(phone: .value("+254700000002")))
        let newcomer = try engine.replica.createClient(NewClient(firstName: "Zawadi", lastName: "Kip",
                                                                 branchID: "br_1", officerID: "of_1"))
        let application = try engine.replica.applyForLoan(NewLoan(clientID: newcomer.value.id, principal: 9_000,
                                                                  currency: .kes, interestRateBps: 100, termMonths: 3))
        let repayment = try engine.replica.repay(loan.id, NewRepayment(amount: 300, method: .cash))
        let before = await engine.client.scheduler.counters.sent

        let plan = try await engine.plan()
        XCTAssertEqual(plan.steps.map(\.seq), [repayment.seq, edit.seq, newcomer.seq, application.seq])
        XCTAssertEqual(plan.steps.first?.request, "POST /v1/loans/\(loan.id.rawValue)/repayments")
        XCTAssertEqual(plan.minimumRequests, 4 + SyncResource.allCases.count)
        XCTAssertEqual(plan.blocked, [])
        let after = await engine.client.scheduler.counters.sent
        XCTAssertEqual(after, before, "planning sends nothing")
        XCTAssertEqual(try engine.replica.outbox.unpushedCount(), 4)
    }

    func testRateLimitEstimateCountsWholeWindows() {
        func wait(_ requests: Int, paused: Duration? = nil) -> Duration {
            SyncEngine.wait(for: requests, remaining: 10, limit: 100, refillsIn: .seconds(20), pausedFor: paused,
                            window: .seconds(60))
        }
        XCTAssertEqual(wait(10), .zero)
        XCTAssertEqual(wait(10, paused: .seconds(3)), .seconds(3))
        XCTAssertEqual(wait(110), .seconds(20))
        XCTAssertEqual(wait(111), .seconds(80))
    }

    func testAutoSyncGoesOfflineThenDrainsTheOutboxWhenBackOnline() async throws {
        try await startSandbox()
        let api = try makeClient()
        let (_, loan) = try await makeActiveLoan(api)
        let engine = try makeEngine(retries: 1)
        _ = await engine.sync()
        var configuration = AutoSync.Configuration()
        configuration.interval = .seconds(30)
        configuration.editDelay = .milliseconds(50)
        configuration.initialBackoff = .milliseconds(200)
        let auto = AutoSync(engine: engine, configuration: configuration)

        try await setFaults(["drop_before_commit": 1])
        await auto.start()
        let saved = try engine.replica.repay(loan.id, NewRepayment(amount: 400, method: .cash))
        auto.noteEdit()  // returns at once
        try await waitFor { if case .offline = await auto.state { return true } else { return false } }

        try await setFaults(Self.noFaults)
        try await waitFor { await auto.state == .online && (try? engine.replica.outbox.unpushedCount()) == 0 }
        XCTAssertEqual(try engine.replica.outbox.entry(saved.seq)?.state, .done)
        // An edit while online is pushed soon after, not at the next interval.
        let next = try engine.replica.repay(loan.id, NewRepayment(amount: 500, method: .cash))
        auto.noteEdit()
        try await waitFor { (try? engine.replica.outbox.entry(next.seq)?.state) == .done }
        await auto.stop()
        let state = await auto.state
        XCTAssertEqual(state, .stopped)
    }

    private func waitFor(_ condition: @Sendable () async -> Bool, seconds: Double = 20,
                         file: StaticString = #filePath, line: UInt = #line) async throws {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        XCTFail("condition not met in \(seconds) s", file: file, line: line)
    }
}
