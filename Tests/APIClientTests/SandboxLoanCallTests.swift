import APIClient
import FincoreModel
import XCTest

/// Loans, their actions and repayments through the client against the real sandbox (§ Loans).
final class SandboxLoanCallTests: XCTestCase {
    func testApplyPatchApproveDisburseRepayWriteOff() async throws {
        let sandbox = try await SandboxFixture()
        let borrower = try await sandbox.makeBorrower(verified: true)
        let applied = try await sandbox.api.createLoan(
            NewLoan(clientID: borrower.id, principal: 1_000_000, currency: .kes, interestRateBps: 1200, termMonths: 12,
                    externalID: "app-1"))
        XCTAssertEqual(applied.meta.status, 201)
        XCTAssertEqual(applied.value.status, .pending)
        XCTAssertEqual(applied.value.balance, 0)
        XCTAssertEqual(applied.value.branchID, "br_1", "copied from the client")
        let id = applied.value.id

        let patched = try await sandbox.api.updateLoan(id, LoanPatch(principal: 1_200_000), options: WriteOptions(ifMatch: 1))
        XCTAssertEqual(patched.value.principal, 1_200_000)
        XCTAssertEqual(patched.value.version, 2)

        let approved = try await sandbox.api.approveLoan(id, options: WriteOptions(ifMatch: 2))
        XCTAssertEqual(approved.value.status, .approved)
        XCTAssertNotNil(approved.value.approvedAt)

        let disbursed = try await sandbox.api.disburseLoan(id, method: .mobileMoney)
        XCTAssertEqual(disbursed.value.status, .active)
        // ⌊1 200 000 × 1200 × 12 / 120 000⌋ = 144 000 of interest (§ Loans, the schedule).
        XCTAssertEqual(disbursed.value.balance, 1_344_000)
        XCTAssertEqual(disbursed.value.schedule.count, 12)

        let repaid = try await sandbox.api.createRepayment(id, NewRepayment(amount: 344_000, method: .cash, reference: "r-1"))
        XCTAssertEqual(repaid.meta.status, 201)
        XCTAssertEqual(repaid.value.type, .repayment)
        XCTAssertEqual(repaid.value.status, .succeeded)
        XCTAssertEqual(repaid.value.amount, 344_000)
        let balance = try await sandbox.api.loan(id).value.balance
        XCTAssertEqual(balance, 1_000_000)

        let writtenOff = try await sandbox.api.writeOffLoan(id, reason: "borrower emigrated")
        XCTAssertEqual(writtenOff.value.status, .writtenOff)
        let currentVersion = try await sandbox.api.loan(id).meta.version
        XCTAssertEqual(currentVersion, writtenOff.value.version)
        await sandbox.stop()
    }

    func testRejectAndWithdraw() async throws {
        let sandbox = try await SandboxFixture()
        let borrower = try await sandbox.makeBorrower()
        let first = try await sandbox.makeApplication(for: borrower)
        let rejected = try await sandbox.api.rejectLoan(first.id, reason: "income too low")
        XCTAssertEqual(rejected.value.status, .rejected)

        let second = try await sandbox.makeApplication(for: borrower)
        let withdrawn = try await sandbox.api.withdrawLoan(second.id)
        XCTAssertEqual(withdrawn.value.status, .withdrawn)

        let statuses = try await sandbox.api.listLoans(filter: LoanFilter(clientID: borrower.id))
        XCTAssertEqual(Set(statuses.value.data.compactMap(\.object?.status)), [.rejected, .withdrawn])
        let onlyRejected = try await sandbox.api.listLoans(filter: LoanFilter(status: .rejected))
        XCTAssertEqual(onlyRejected.value.data.compactMap(\.object?.id), [first.id])
        await sandbox.stop()
    }
}
