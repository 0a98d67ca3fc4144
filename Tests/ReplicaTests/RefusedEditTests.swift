import FincoreModel
import XCTest
@testable import Replica

/// Every edit is checked before acceptance; a refusal names every problem and writes nothing.
final class RefusedEditTests: ReplicaTestCase {
    private var loan: Loan!

    override func setUpWithError() throws {
        try super.setUpWithError()
        try replica.apply(.client(Fixture.client(1, kyc: .pending, idNumber: nil)))
        try replica.apply(.client(Fixture.client(2, kyc: .verified)))
        loan = try Fixture.activeLoan(1, client: 2)
        try replica.apply(.loan(loan))
        try replica.apply(.loan(Fixture.pendingLoan(2, client: 1)))
        // A server-side pending (unsettled) payment counts against new repayments.
        try replica.apply(.payment(Fixture.payment(1, loan: loan, amount: 200_000, status: .pending)))
    }

    /// Asserts that `body` is refused with `code` naming exactly `fields`, and wrote nothing.
    private func assertRefused<T>(
        _ code: ReplicaError.Code, _ fields: [String], file: StaticString = #filePath, line: UInt = #line,
        _ body: () throws -> T
    ) throws {
        let before = try snapshot()
        let error = refusal(body, file: file, line: line)
        XCTAssertEqual(error?.code, code, file: file, line: line)
        XCTAssertEqual(error?.sortedFields, fields.sorted(), file: file, line: line)
        XCTAssertEqual(try snapshot(), before, "a refused edit wrote something", file: file, line: line)
    }

    func testNewClientReportsEveryFieldAtOnce() throws {
        try assertRefused(.invalidRequest, ["first_name", "phone", "email", "kyc.id_number"]) {
            try replica.createClient(NewClient(firstName: " ", lastName: "Otieno", phone: "0712", email: "nope",
                                               kyc: KYCPatch(idNumber: .value(""))))
        }
    }

    func testKYCVerifyNeedsIDTypeAndNumber() throws {
        try assertRefused(.invalidRequest, ["kyc.id_type", "kyc.id_number"]) { try replica.verifyKYC(Fixture.clientID(1)) }
    }

    func testKYCVerifyNeedsPending() throws {
        try assertRefused(.invalidState, ["kyc.status"]) { try replica.verifyKYC(Fixture.clientID(2)) }
    }

    func testApprovalNeedsVerifiedKYC() throws {
        try assertRefused(.invalidState, ["kyc.status"]) { try replica.approveLoan(Fixture.loanID(2)) }
    }

    func testRepaymentOnALoanThatIsNotActive() throws {
        try assertRefused(.invalidState, ["status"]) {
            try replica.repay(Fixture.loanID(2), NewRepayment(amount: 100, method: .cash))
        }
    }

    func testRepaymentAboveBalanceLessPendingPayments() throws {
        // Exactly the balance less the server's pending payment is accepted; one more unit is not.
        let allowed = loan.balance - 200_000
        try assertRefused(.amountExceedsBalance, ["amount"]) {
            try replica.repay(loan.id, NewRepayment(amount: allowed + 1, method: .cash))
        }
        _ = try replica.repay(loan.id, NewRepayment(amount: allowed - 1000, method: .cash))
        // The offline repayment counts too: now only 1000 is left.
        try assertRefused(.amountExceedsBalance, ["amount"]) {
            try replica.repay(loan.id, NewRepayment(amount: 1001, method: .cash))
        }
    }

    func testRepaymentWithStateAndFieldProblemsReportsBoth() throws {
        try assertRefused(.invalidState, ["amount", "reference", "status"]) {
            try replica.repay(Fixture.loanID(2), NewRepayment(amount: 0, method: .cash, reference: ""))
        }
    }

    func testLoanEditOnlyWhilePending() throws {
        try assertRefused(.invalidState, ["status"]) { try replica.editLoan(loan.id, LoanPatch(termMonths: 6)) }
        try assertRefused(.invalidRequest, ["term_months", "interest_rate_bps"]) {
            try replica.editLoan(Fixture.loanID(2), LoanPatch(termMonths: 0, interestRateBps: 20_000))
        }
    }

    func testDisburseOnlyApproved() throws {
        try assertRefused(.invalidState, ["status"]) { try replica.disburseLoan(Fixture.loanID(2), method: .cash) }
    }

    func testRejectNeedsAReason() throws {
        try assertRefused(.invalidRequest, ["reason"]) { try replica.rejectLoan(Fixture.loanID(2), reason: "  ") }
    }

    func testLoanForUnknownClient() throws {
        try assertRefused(.invalidRequest, ["client_id", "principal"]) {
            try replica.applyForLoan(NewLoan(clientID: Fixture.clientID(99), principal: 0, currency: .kes,
                                             interestRateBps: 100, termMonths: 3))
        }
    }

    func testUnknownObjectIsNotFound() throws {
        let before = try snapshot()
        XCTAssertEqual(refusal { try replica.editClient(Fixture.clientID(42), ClientPatch(lastName: "X")) }?.code, .notFound)
        XCTAssertEqual(try snapshot(), before)
    }

    func testRefusalTextNeverHoldsTheRefusedValue() throws {
        let error = refusal {
            try replica.createClient(NewClient(firstName: "Amina", lastName: "", phone: "SECRET-PHONE-1",
                                               kyc: KYCPatch(idNumber: .value(String(repeating: "9", count: 101)))))
        }
        let text = String(describing: error)
        XCTAssertFalse(text.contains("SECRET-PHONE-1"))
        XCTAssertFalse(text.contains("99999999"))
    }
}
