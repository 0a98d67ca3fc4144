import FincoreModel
import Foundation
import HTTP
@testable import SandboxServer
import XCTest

/// The sandbox's settlement of non-cash payments after the operator's delay (contract § Loans
/// and § Precise answers): succeeded moves the loan, a reference containing "fail" fails.
final class SettlementTests: XCTestCase {
    /// 0.2 s: long enough to see `pending`, short enough to poll for the result.
    private func sandbox() async throws -> SandboxHarness {
        try await SandboxHarness { $0.settlementDelaySeconds = 0.2 }
    }

    func testNonCashPaymentSettlesToSucceededAndMovesTheLoan() async throws {
        let sandbox = try await sandbox()
        let loan = try await sandbox.disbursedLoan()
        let payment = try await sandbox.call("POST", "loans/\(loan.id)/repayments",
                                             json: ["amount": 20_000, "method": "mobile_money", "reference": "MPESA-QX1"])
        XCTAssertEqual(payment.json["status"] as? String, "pending")
        let settled = try await sandbox.poll("payments/\(payment.id)") { $0.json["status"] as? String != "pending" }
        XCTAssertEqual(settled.json["status"] as? String, "succeeded")
        XCTAssertEqual(settled.json["version"] as? Int, 2)
        XCTAssertTrue(settled.json["failure_reason"] is NSNull)
        XCTAssertEqual(settled.header("ETag"), "\"2\"")
        let after = try await sandbox.call("GET", "loans/\(loan.id)")
        XCTAssertEqual(after.json["balance"] as? Int, 90_791)
        XCTAssertEqual(after.json["version"] as? Int, 4)
        XCTAssertEqual(after.paid, [15_826, 4174, 0, 0, 0, 0, 0])
        await sandbox.stop()
    }

    func testReferenceContainingFailSettlesToFailed() async throws {
        let sandbox = try await sandbox()
        let loan = try await sandbox.disbursedLoan()
        let payment = try await sandbox.call("POST", "loans/\(loan.id)/repayments",
                                             json: ["amount": 110_791, "method": "card", "reference": "test-FAIL-card"])
        let settled = try await sandbox.poll("payments/\(payment.id)") { $0.json["status"] as? String != "pending" }
        XCTAssertEqual(settled.json["status"] as? String, "failed")
        XCTAssertEqual(settled.json["failure_reason"] as? String,
                       "declined by the payment provider (sandbox: the reference contains \"fail\")")
        XCTAssertEqual(settled.json["version"] as? Int, 2)
        let after = try await sandbox.call("GET", "loans/\(loan.id)")
        XCTAssertEqual(after.json["balance"] as? Int, 110_791)
        XCTAssertEqual(after.json["version"] as? Int, 3, "a failed payment does not touch the loan")
        // No longer pending: the whole balance can be paid again.
        let cash = try await sandbox.call("POST", "loans/\(loan.id)/repayments", json: ["amount": 110_791, "method": "cash"])
        XCTAssertEqual(cash.status, 201)
        await sandbox.stop()
    }

    func testSettlingTheWholeBalanceClosesTheLoan() async throws {
        let sandbox = try await sandbox()
        let loan = try await sandbox.disbursedLoan()
        let payment = try await sandbox.call("POST", "payments",
                                             json: ["loan_id": loan.id, "amount": 110_791, "method": "bank_transfer"])
        XCTAssertEqual(payment.status, 201)
        let closed = try await sandbox.poll("loans/\(loan.id)") { $0.json["status"] as? String != "active" }
        XCTAssertEqual(closed.json["status"] as? String, "closed")
        XCTAssertEqual(closed.json["balance"] as? Int, 0)
        XCTAssertFalse(closed.json["closed_at"] is NSNull)
        let settled = try await sandbox.call("GET", "payments/\(payment.id)")
        XCTAssertEqual(settled.json["status"] as? String, "succeeded")
        await sandbox.stop()
    }

    /// A loan written off while its payment was pending cannot take it: the payment fails with
    /// the reason. Swept by hand (the delay is long) so the write-off surely comes first.
    func testPaymentOfALoanWrittenOffMeanwhileFails() async throws {
        let sandbox = try await SandboxHarness { $0.settlementDelaySeconds = 600 }
        let loan = try await sandbox.disbursedLoan()
        let payment = try await sandbox.call("POST", "loans/\(loan.id)/repayments", json: ["amount": 5, "method": "card"])
        await sandbox.server.settler.sweep(now: .now())
        let early = try await sandbox.call("GET", "payments/\(payment.id)")
        XCTAssertEqual(early.json["status"] as? String, "pending", "not before the delay")

        try await sandbox.expectOK(sandbox.call("POST", "loans/\(loan.id)/write_off", json: ["reason": "fraud"]))
        await sandbox.server.settler.sweep(now: Timestamp.now().adding(seconds: 601))
        let failed = try await sandbox.call("GET", "payments/\(payment.id)")
        XCTAssertEqual(failed.json["status"] as? String, "failed")
        XCTAssertEqual(failed.json["failure_reason"] as? String,
                       "the loan can no longer take payments: cannot repay a loan that is written_off")
        let after = try await sandbox.call("GET", "loans/\(loan.id)")
        XCTAssertEqual(after.json["status"] as? String, "written_off")
        XCTAssertEqual(after.json["balance"] as? Int, 110_791)
        await sandbox.stop()
    }

    /// The loop stops when asked: after `stop()` nothing settles any more.
    func testStoppedSettlerSettlesNothing() async throws {
        let store = try SandboxStore(path: nil)
        let published = Locked<[String]>([])
        let settler = PaymentSettler(store: store, delaySeconds: 0, onCommit: { events in
            published.withLock { $0 += events.map(\.type.rawValue) }
        })
        settler.start()
        settler.start()
        await settler.stop()
        let now = Timestamp.now()
        let client = Client(id: .generate(), createdAt: now, updatedAt: now, firstName: "A", lastName: "B")
        let loan = try Loan(id: .generate(), createdAt: now, updatedAt: now, clientID: client.id, principal: 1000,
                            currency: .kes, interestRateBps: 0, termMonths: 1, status: .approved).disbursed(at: now)
        let payment = NewRepayment(amount: 10, method: .card).makePayment(id: .generate(), loan: loan, at: now)
        try await store.write(now: now) { tx in
            _ = try tx.insert(client)
            _ = try tx.insert(loan)
            _ = try tx.insert(payment)
        }
        try await Task.sleep(for: .milliseconds(400))
        let status = try await store.read { tx in try tx.object(Payment.self, id: payment.id.rawValue)?.status }
        XCTAssertEqual(status, .pending)
        await settler.sweep(now: .now())
        let swept = try await store.read { tx in try tx.object(Payment.self, id: payment.id.rawValue)?.status }
        XCTAssertEqual(swept, .succeeded)
        XCTAssertEqual(published.withLock { $0 }, ["payment.updated", "loan.updated"], "one commit's events")
    }
}
