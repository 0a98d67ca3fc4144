import APIClient
import FincoreModel
import Foundation
import Replica
@testable import Sync
import XCTest

/// Exactly once: offline repayments pushed through dropped connections, 5xx, cut bodies, 429
/// storms and latency, with the push cancelled at random points and restarted on a new engine,
/// until the outbox is empty. Every repayment must exist once on the server.
final class ExactlyOnceTests: SyncTestCase {
    func testRepaymentsArriveExactlyOnceThroughFaultsAndRestarts() async throws {
        try await startSandbox { $0.rateWindowSeconds = 2 }
        let api = try makeClient()
        var loans: [Loan] = []
        for officer in ["of_1", "of_2"] { loans.append(try await makeActiveLoan(api, officer: officer).loan) }
        let first = try makeEngine()
        let synced = await first.sync()
        XCTAssertEqual(synced.outcome, .completed)

        // Offline: repayments on both loans, a client edit and a new client with an application.
        let edits = Self.long ? 60 : 16
        var expected: [String: Int64] = [:]
        for n in 0..<edits {
            let amount = Int64(100 + n)
            let saved = try first.replica.repay(loans[n % 2].id, NewRepayment(amount: amount, method: .cash))
            expected[saved.value.externalID ?? ""] = amount
        }
        _ = try first.replica.editClient(loans[0].clientID, ClientPatch(phone: .value("+254700000009")))
        let newcomer = try first.replica.createClient(NewClient(firstName: "Baraka", lastName: "Mwangi",
                                                                branchID: "br_1", officerID: "of_1"))
        _ = try first.replica.applyForLoan(NewLoan(clientID: newcomer.value.id, principal: 50_000, currency: .kes,
                                                   interestRateBps: 500, termMonths: 6))

        try await setFaults(["drop_after_commit": 0.25, "error_503": 0.15, "truncate_body": 0.15,
                             "storm_429": 0.05, "latency_ms": "0-15"])
        var rounds = 0
        var unpushed = try first.replica.outbox.unpushedCount()
        while unpushed > 0, rounds < 80 {
            rounds += 1
            let engine = try makeEngine()
            let task = Task { await engine.push() }
            // A watchdog: a round that has not ended in 30 s is cancelled like any other, so a
            // lost wake-up shows as a failed drain, not as a hung test run.
            let watchdog = Task {
                try await Task.sleep(for: .seconds(30))
                task.cancel()
            }
            defer { watchdog.cancel() }
            if rounds < 40 {
                // Cancel at a random point, as a user quitting or the OS killing the process.
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...120)))
                task.cancel()
            }
            _ = await task.value
            unpushed = try engine.replica.outbox.unpushedCount()
        }
        XCTAssertEqual(unpushed, 0, "outbox not drained after \(rounds) rounds")
        try await setFaults(Self.noFaults)

        // Every repayment once, none twice, none missing, with its amount.
        var found: [String: Int] = [:]
        for loan in loans {
            for try await page in api.paymentPages(ListQuery(limit: 100), filter: PaymentFilter(loanID: loan.id, type: .repayment)) {
                for payment in page.value.data.compactMap(\.object) {
                    let key = payment.externalID ?? ""
                    found[key, default: 0] += 1
                    XCTAssertEqual(payment.amount, expected[key], "amount of \(key)")
                }
            }
        }
        XCTAssertEqual(Set(found.keys), Set(expected.keys))
        XCTAssertEqual(found.values.filter { $0 != 1 }, [], "a repayment was created more than once")
        let clients = try await api.listClients(ListQuery(limit: 100, externalID: newcomer.value.externalID)).value
        XCTAssertEqual(clients.data.count, 1, "the offline client exists once")

        // A final sync leaves replica and server equal, balances included.
        let last = try makeEngine()
        let final = await last.sync()
        XCTAssertEqual(final.outcome, .completed)
        try await assertSameAsServer(last.replica, api)
    }

    /// Past the key's lifetime the create is recognised by its external_id (409 + current).
    func testExternalIDTakenRecoversACreateWhoseAnswerWasLost() async throws {
        try await startSandbox()
        let api = try makeClient()
        let (_, loan) = try await makeActiveLoan(api)
        let engine = try makeEngine(retries: 1)
        let synced = await engine.sync()
        XCTAssertEqual(synced.outcome, .completed)
        let saved = try engine.replica.repay(loan.id, NewRepayment(amount: 5_000, method: .cash))

        try await setFaults(["drop_after_commit": 1])
        let lost = await engine.push()
        guard case .offline = lost.outcome else { return XCTFail("expected offline, got \(lost.outcome)") }
        XCTAssertEqual(try engine.replica.outbox.entry(saved.seq)?.state, .pending)

        try await operatorCall("/_sandbox/idempotency/expire")
        try await setFaults(Self.noFaults)
        let recovered = await engine.push()
        XCTAssertEqual(recovered.outcome, .completed)
        XCTAssertEqual(recovered.pushed, 1)
        XCTAssertEqual(try engine.replica.outbox.entry(saved.seq)?.state, .done)

        let listed = try await api.listPayments(ListQuery(externalID: saved.value.externalID)).value.data
        XCTAssertEqual(listed.count, 1)
        let payment = try XCTUnwrap(listed.first?.object)
        let local = try XCTUnwrap(try engine.replica.payment(saved.value.id))
        XCTAssertEqual(local.value.id, payment.id, "the local id resolves to the server's")
        // The loan was refreshed after the push: its balance is the server's.
        let serverLoan = try await api.loan(loan.id).value
        XCTAssertEqual(try engine.replica.loan(loan.id)?.value.balance, serverLoan.balance)
        XCTAssertEqual(serverLoan.balance, loan.balance - 5_000)
    }
}
