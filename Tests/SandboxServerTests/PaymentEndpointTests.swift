import Foundation
import XCTest

/// Repayments and `/v1/payments` over loopback: cash moving the balance and the schedule,
/// the 409/422 refusals, pending payments held against the balance, idempotency, external ids,
/// reversals and the list filters (contract § Loans and § Payments).
final class PaymentEndpointTests: XCTestCase {
    /// A long delay keeps non-cash payments pending for the whole test.
    private func sandbox() async throws -> SandboxHarness {
        try await SandboxHarness { $0.settlementDelaySeconds = 600 }
    }

    func testCashRepaymentLowersBalanceFillsOldestFirstAndCloses() async throws {
        let sandbox = try await sandbox()
        let loan = try await sandbox.disbursedLoan()
        let paid = try await sandbox.call("POST", "loans/\(loan.id)/repayments",
                                          json: ["amount": 20_000, "method": "cash", "reference": "receipt 7"])
        XCTAssertEqual(paid.status, 201, paid.text)
        XCTAssertTrue(paid.id.hasPrefix("py_"))
        XCTAssertEqual(paid.json["object"] as? String, "payment")
        XCTAssertEqual(paid.json["type"] as? String, "repayment")
        XCTAssertEqual(paid.json["status"] as? String, "succeeded")
        XCTAssertEqual(paid.json["amount"] as? Int, 20_000)
        XCTAssertEqual(paid.json["currency"] as? String, "KES")
        XCTAssertEqual(paid.json["reference"] as? String, "receipt 7")
        XCTAssertEqual(paid.json["loan_id"] as? String, loan.id)
        XCTAssertEqual(paid.json["branch_id"] as? String, "br_1")
        XCTAssertEqual(paid.json["officer_id"] as? String, "of_1")
        XCTAssertTrue(paid.json["failure_reason"] is NSNull)
        XCTAssertTrue(paid.json["external_id"] is NSNull)

        let after = try await sandbox.call("GET", "loans/\(loan.id)")
        XCTAssertEqual(after.json["balance"] as? Int, 90_791)
        XCTAssertEqual(after.json["version"] as? Int, 4)
        XCTAssertEqual(after.json["status"] as? String, "active")
        // First instalment 14285 + 1541 = 15826 filled, the rest (4174) on the second.
        XCTAssertEqual(after.paid, [15_826, 4174, 0, 0, 0, 0, 0])

        let rest = try await sandbox.call("POST", "loans/\(loan.id)/repayments", json: ["amount": 90_791, "method": "cash"])
        XCTAssertEqual(rest.status, 201)
        let closed = try await sandbox.call("GET", "loans/\(loan.id)")
        XCTAssertEqual(closed.json["status"] as? String, "closed")
        XCTAssertEqual(closed.json["balance"] as? Int, 0)
        XCTAssertFalse(closed.json["closed_at"] is NSNull)
        XCTAssertEqual(closed.paid, [15_826, 15_826, 15_826, 15_826, 15_826, 15_826, 15_835])
        await sandbox.stop()
    }

    func testRepaymentOnAClosedLoanIs409WhateverTheAmount() async throws {
        let sandbox = try await sandbox()
        let loan = try await sandbox.loan(in: "closed")
        let id = loan["id"] as? String ?? ""
        for amount in [1, 0, -5, 999_999_999] {
            let answer = try await sandbox.call("POST", "loans/\(id)/repayments", json: ["amount": amount, "method": "cash"])
            XCTAssertEqual(answer.status, 409, "amount \(amount)")
            XCTAssertEqual(answer.errorCode, "invalid_state")
        }
        let viaPayments = try await sandbox.call("POST", "payments", json: ["loan_id": id, "amount": -1, "method": "x"])
        XCTAssertEqual(viaPayments.status, 409, "the named loan's state comes before the fields")
        await sandbox.stop()
    }

    func testOverpaymentIs422NamingAmount() async throws {
        let sandbox = try await sandbox()
        let loan = try await sandbox.disbursedLoan()
        let over = try await sandbox.call("POST", "loans/\(loan.id)/repayments", json: ["amount": 110_792, "method": "cash"])
        XCTAssertEqual(over.status, 422)
        XCTAssertEqual(over.errorCode, "amount_exceeds_balance")
        XCTAssertEqual(over.errorFields, ["amount"])
        let zero = try await sandbox.call("POST", "loans/\(loan.id)/repayments", json: ["amount": 0, "method": "cash"])
        XCTAssertEqual(zero.status, 400)
        XCTAssertEqual(zero.errorFields, ["amount"])
        let cheque = try await sandbox.call("POST", "loans/\(loan.id)/repayments", json: ["amount": 1, "method": "cheque"])
        XCTAssertEqual(cheque.status, 400)
        XCTAssertEqual(cheque.errorFields, ["method"])
        let unchanged = try await sandbox.call("GET", "loans/\(loan.id)")
        XCTAssertEqual(unchanged.json["version"] as? Int, 3)
        XCTAssertEqual(unchanged.json["balance"] as? Int, 110_791)
        await sandbox.stop()
    }

    func testPendingPaymentsCountAgainstTheBalance() async throws {
        let sandbox = try await sandbox()
        let loan = try await sandbox.disbursedLoan()
        let pending = try await sandbox.call("POST", "loans/\(loan.id)/repayments",
                                             json: ["amount": 110_691, "method": "mobile_money"])
        XCTAssertEqual(pending.status, 201)
        XCTAssertEqual(pending.json["status"] as? String, "pending")
        let untouched = try await sandbox.call("GET", "loans/\(loan.id)")
        XCTAssertEqual(untouched.json["balance"] as? Int, 110_791, "a pending payment does not move the balance")
        XCTAssertEqual(untouched.json["version"] as? Int, 3)

        let over = try await sandbox.call("POST", "loans/\(loan.id)/repayments", json: ["amount": 101, "method": "cash"])
        XCTAssertEqual(over.status, 422)
        XCTAssertEqual(over.errorFields, ["amount"])
        let viaPayments = try await sandbox.call("POST", "payments", json: ["loan_id": loan.id, "amount": 101, "method": "card"])
        XCTAssertEqual(viaPayments.status, 422)
        let fits = try await sandbox.call("POST", "loans/\(loan.id)/repayments", json: ["amount": 100, "method": "cash"])
        XCTAssertEqual(fits.status, 201)
        XCTAssertEqual(fits.json["status"] as? String, "succeeded")
        await sandbox.stop()
    }

    func testIdempotentRepaymentCreatesOnePayment() async throws {
        let sandbox = try await sandbox()
        let loan = try await sandbox.disbursedLoan()
        // The same bytes twice: the key's fingerprint is of the raw body (contract § Idempotency).
        let body = Data(#"{"amount":5000,"method":"cash"}"#.utf8)
        let key = ["Idempotency-Key": "repay-\(loan.id)", "Content-Type": "application/json"]
        let first = try await sandbox.call("POST", "loans/\(loan.id)/repayments", rawBody: body, headers: key)
        let second = try await sandbox.call("POST", "loans/\(loan.id)/repayments", rawBody: body, headers: key)
        XCTAssertEqual(first.status, 201)
        XCTAssertNil(first.header("Idempotent-Replayed"))
        XCTAssertEqual(second.status, 201)
        XCTAssertEqual(second.header("Idempotent-Replayed"), "true")
        XCTAssertEqual(second.body, first.body)
        let repayments = try await sandbox.call("GET", "payments?loan_id=\(loan.id)&type=repayment")
        XCTAssertEqual(repayments.data.map { $0["id"] as? String }, [first.id])
        let after = try await sandbox.call("GET", "loans/\(loan.id)")
        XCTAssertEqual(after.json["balance"] as? Int, 105_791, "charged once")
        await sandbox.stop()
    }

    /// A repayment made offline that closed the loan, retried: still `external_id_taken` with
    /// the payment, not `invalid_state`, so the agent can reconcile (contract § Conventions).
    func testTakenExternalIDAnswersWithThePaymentEvenOnAClosedLoan() async throws {
        let sandbox = try await sandbox()
        let loan = try await sandbox.disbursedLoan()
        let body: [String: Any] = ["amount": 110_791, "method": "cash", "external_id": "offline-pay-1"]
        let first = try await sandbox.call("POST", "loans/\(loan.id)/repayments", json: body)
        XCTAssertEqual(first.status, 201)
        XCTAssertEqual(first.json["external_id"] as? String, "offline-pay-1")
        let retry = try await sandbox.call("POST", "loans/\(loan.id)/repayments", json: body)
        XCTAssertEqual(retry.status, 409)
        XCTAssertEqual(retry.errorCode, "external_id_taken")
        XCTAssertEqual(retry.current?["id"] as? String, first.id)
        let viaPayments = try await sandbox.call("POST", "payments", json: body.merging(["loan_id": loan.id]) { a, _ in a })
        XCTAssertEqual(viaPayments.errorCode, "external_id_taken")
        let found = try await sandbox.call("GET", "payments?external_id=offline-pay-1")
        XCTAssertEqual(found.data.map { $0["id"] as? String }, [first.id])
        await sandbox.stop()
    }

    func testPostPaymentsIsARepaymentNamingItsLoan() async throws {
        let sandbox = try await sandbox()
        let missing = try await sandbox.call("POST", "payments",
                                             json: ["loan_id": "ln_000000000000000000000000", "amount": 1, "method": "cash"])
        XCTAssertEqual(missing.status, 400)
        XCTAssertEqual(missing.errorFields, ["loan_id"])
        let both = try await sandbox.call("POST", "payments",
                                          json: ["loan_id": "ln_000000000000000000000000", "amount": 0, "method": "cash"])
        XCTAssertEqual(both.errorFields, ["amount", "loan_id"])
        let absent = try await sandbox.call("POST", "payments", json: ["amount": 1, "method": "cash"])
        XCTAssertEqual(absent.errorFields, ["loan_id"])

        let loan = try await sandbox.disbursedLoan()
        let paid = try await sandbox.call("POST", "payments", json: ["loan_id": loan.id, "amount": 791, "method": "cash"])
        XCTAssertEqual(paid.status, 201, paid.text)
        XCTAssertEqual(paid.json["type"] as? String, "repayment")
        let after = try await sandbox.call("GET", "loans/\(loan.id)")
        XCTAssertEqual(after.json["balance"] as? Int, 110_000)
        await sandbox.stop()
    }

    func testReversalRestoresTheBalanceAndReopensAClosedLoan() async throws {
        let sandbox = try await sandbox()
        let loan = try await sandbox.disbursedLoan()
        let part = try await sandbox.call("POST", "loans/\(loan.id)/repayments", json: ["amount": 10_791, "method": "cash"])
        let rest = try await sandbox.call("POST", "loans/\(loan.id)/repayments", json: ["amount": 100_000, "method": "cash"])
        let closed = try await sandbox.call("GET", "loans/\(loan.id)")
        XCTAssertEqual(closed.json["status"] as? String, "closed")

        let noReason = try await sandbox.call("POST", "payments/\(rest.id)/reverse", json: [:])
        XCTAssertEqual(noReason.status, 400)
        XCTAssertEqual(noReason.errorFields, ["reason"])
        let stale = try await sandbox.call("POST", "payments/\(rest.id)/reverse", json: ["reason": "bounced"],
                                           headers: ["If-Match": "\"7\""])
        XCTAssertEqual(stale.status, 412)

        let reversed = try await sandbox.call("POST", "payments/\(rest.id)/reverse", json: ["reason": "bounced"],
                                              headers: ["If-Match": "\"1\""])
        XCTAssertEqual(reversed.status, 200, reversed.text)
        XCTAssertEqual(reversed.json["status"] as? String, "reversed")
        XCTAssertEqual(reversed.json["version"] as? Int, 2)
        XCTAssertEqual(reversed.header("ETag"), "\"2\"")
        let reopened = try await sandbox.call("GET", "loans/\(loan.id)")
        XCTAssertEqual(reopened.json["status"] as? String, "active")
        XCTAssertTrue(reopened.json["closed_at"] is NSNull)
        XCTAssertEqual(reopened.json["balance"] as? Int, 100_000)
        XCTAssertEqual(reopened.json["version"] as? Int, (closed.json["version"] as? Int ?? 0) + 1)
        XCTAssertEqual(reopened.paid, [10_791, 0, 0, 0, 0, 0, 0])

        let again = try await sandbox.call("POST", "payments/\(rest.id)/reverse", json: ["reason": "twice"])
        XCTAssertEqual(again.status, 409)
        XCTAssertEqual(again.errorCode, "invalid_state")
        let disbursement = try await sandbox.call("GET", "disbursements?loan_id=\(loan.id)")
        let disbursementID = disbursement.data.first?["id"] as? String ?? ""
        let refused = try await sandbox.call("POST", "payments/\(disbursementID)/reverse", json: ["reason": "no"])
        XCTAssertEqual(refused.status, 409)
        let pending = try await sandbox.call("POST", "loans/\(loan.id)/repayments", json: ["amount": 1, "method": "card"])
        let notYet = try await sandbox.call("POST", "payments/\(pending.id)/reverse", json: [:])
        XCTAssertEqual(notYet.status, 409, "state before the missing reason")
        XCTAssertEqual(part.status, 201)
        let missing = try await sandbox.call("POST", "payments/py_000000000000000000000000/reverse", json: ["reason": "x"])
        XCTAssertEqual(missing.status, 404)
        await sandbox.stop()
    }

    func testFiltersAndBadEnums() async throws {
        let sandbox = try await sandbox()
        let loan = try await sandbox.disbursedLoan()
        let other = try await sandbox.disbursedLoan()
        let cash = try await sandbox.call("POST", "loans/\(loan.id)/repayments", json: ["amount": 10, "method": "cash"])
        let card = try await sandbox.call("POST", "loans/\(loan.id)/repayments", json: ["amount": 10, "method": "card"])

        let ofLoan = try await sandbox.call("GET", "payments?loan_id=\(loan.id)&type=repayment")
        XCTAssertEqual(ofLoan.data.map { $0["id"] as? String }, [cash.id, card.id])
        let pending = try await sandbox.call("GET", "payments?status=pending")
        XCTAssertEqual(pending.data.map { $0["id"] as? String }, [card.id])
        let ofClient = try await sandbox.call("GET", "payments?client_id=\(other.json["client_id"] as? String ?? "")")
        XCTAssertEqual(ofClient.data.map { $0["type"] as? String }, ["disbursement"])
        let byScope = try await sandbox.call("GET", "payments?branch_id=br_1&officer_id=of_1")
        XCTAssertEqual((byScope.json["meta"] as? [String: Any])?["total"] as? Int, 4)
        let disbursements = try await sandbox.call("GET", "disbursements")
        XCTAssertEqual(disbursements.data.count, 2)
        XCTAssertEqual(Set(disbursements.data.compactMap { $0["loan_id"] as? String }), [loan.id, other.id])
        let shown = try await sandbox.call("GET", "payments/\(card.id)")
        XCTAssertEqual(shown.header("ETag"), "\"1\"")
        XCTAssertEqual(shown.body, card.body)

        for (path, parameter) in [("payments?status=settled", "status"), ("payments?type=refund", "type"),
                                  ("disbursements?status=done", "status")] {
            let bad = try await sandbox.call("GET", path)
            XCTAssertEqual(bad.status, 400, path)
            XCTAssertEqual(bad.errorFields, [parameter], path)
        }
        await sandbox.stop()
    }
}

extension SandboxHarness.Answer {
    /// The `paid` column of a loan's schedule.
    var paid: [Int] { (json["schedule"] as? [[String: Any]] ?? []).compactMap { $0["paid"] as? Int } }
}
