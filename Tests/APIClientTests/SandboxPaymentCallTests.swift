import APIClient
import FincoreModel
import XCTest

/// Payments, disbursements and payment links through the client against the sandbox (§ Payments).
final class SandboxPaymentCallTests: XCTestCase {
    func testCreateGetListAndReversePayments() async throws {
        let sandbox = try await SandboxFixture()
        let loan = try await sandbox.makeActiveLoan()
        let other = try await sandbox.makeActiveLoan()
        let created = try await sandbox.api.createPayment(
            NewPayment(loanID: loan.id, repayment: NewRepayment(amount: 44_000, method: .cash, externalID: "pay-1")))
        XCTAssertEqual(created.meta.status, 201)
        XCTAssertEqual(created.value.type, .repayment)
        XCTAssertEqual(created.value.clientID, loan.clientID)
        let balanceAfterPayment = try await sandbox.api.loan(loan.id).value.balance
        XCTAssertEqual(balanceAfterPayment, 1_300_000)

        let fetched = try await sandbox.api.payment(created.value.id)
        XCTAssertEqual(fetched.value, created.value)
        XCTAssertEqual(fetched.meta.version, 1)

        let forLoan = try await sandbox.api.listPayments(filter: PaymentFilter(loanID: loan.id, type: .repayment))
        XCTAssertEqual(forLoan.value.data.compactMap(\.object?.id), [created.value.id])

        let reversed = try await sandbox.api.reversePayment(created.value.id, reason: "counterfeit notes")
        XCTAssertEqual(reversed.value.status, .reversed)
        let balanceAfterReversal = try await sandbox.api.loan(loan.id).value.balance
        XCTAssertEqual(balanceAfterReversal, 1_344_000, "balance restored")

        let disbursements = try await sandbox.api.listDisbursements()
        XCTAssertEqual(disbursements.value.meta.total, 2)
        XCTAssertEqual(Set(disbursements.value.data.compactMap(\.object?.loanID)), [loan.id, other.id])
        XCTAssertEqual(Set(disbursements.value.data.compactMap(\.object?.type)), [.disbursement])
        let oneLoan = try await sandbox.api.listDisbursements(filter: PaymentFilter(loanID: other.id))
        XCTAssertEqual(oneLoan.value.data.compactMap(\.object?.amount), [1_200_000])
        await sandbox.stop()
    }

    func testPaymentLinksCreateListGetCancel() async throws {
        let sandbox = try await SandboxFixture()
        let loan = try await sandbox.makeActiveLoan()
        let created = try await sandbox.api.createPaymentLink(NewPaymentLink(loanID: loan.id, amount: 50_000, externalID: "link-1"))
        XCTAssertEqual(created.meta.status, 201)
        XCTAssertEqual(created.value.status, .active)
        XCTAssertEqual(created.value.currency, .kes)
        XCTAssertFalse(created.value.url.isEmpty)

        let fetched = try await sandbox.api.paymentLink(created.value.id)
        XCTAssertEqual(fetched.value, created.value)
        let listed = try await sandbox.api.listPaymentLinks()
        XCTAssertEqual(listed.value.data.compactMap(\.object?.id), [created.value.id])

        let canceled = try await sandbox.api.cancelPaymentLink(created.value.id)
        XCTAssertEqual(canceled.value.status, .canceled)
        XCTAssertEqual(canceled.value.version, 2)
        await sandbox.stop()
    }
}
