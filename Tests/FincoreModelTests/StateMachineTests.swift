import XCTest
@testable import FincoreModel

/// Every (action, status) pair of the loan table, and the payment, link and KYC moves.
final class StateMachineTests: XCTestCase {
    func testEveryLoanPair() {
        let allowed: [LoanAction: [LoanStatus: LoanStatus]] = [
            .approve: [.pending: .approved],
            .reject: [.pending: .rejected],
            .withdraw: [.pending: .withdrawn, .approved: .withdrawn],
            .disburse: [.approved: .active],
            .writeOff: [.active: .writtenOff],
            .repay: [.active: .active],
            .edit: [.pending: .pending],
        ]
        for action in LoanAction.allCases {
            for status in LoanStatus.allCases {
                let expected = allowed[action]?[status]
                XCTAssertEqual(action.allowedTarget(from: status), expected, "\(action) from \(status)")
                if expected == nil {
                    XCTAssertThrowsError(try action.target(from: status)) {
                        XCTAssertEqual(($0 as? ModelError)?.code, .invalidState)
                        XCTAssertEqual(($0 as? ModelError)?.errorCode, .invalidState)
                    }
                }
            }
        }
        XCTAssertThrowsError(try LoanAction.writeOff.target(from: .closed)) {
            XCTAssertEqual(($0 as? ModelError)?.message, "cannot write off a loan that is closed")
        }
    }

    func testBalanceSettlesStatus() {
        XCTAssertEqual(LoanStatus.active.settled(balance: 0), .closed)
        XCTAssertEqual(LoanStatus.active.settled(balance: 5), .active)
        XCTAssertEqual(LoanStatus.closed.settled(balance: 5), .active)
        XCTAssertEqual(LoanStatus.closed.settled(balance: 0), .closed)
        XCTAssertEqual(LoanStatus.writtenOff.settled(balance: 0), .writtenOff)
        XCTAssertEqual(LoanStatus.pending.settled(balance: 0), .pending)
    }

    func testPaymentMoves() {
        let allowed: Set<[PaymentStatus]> = [[.pending, .succeeded], [.pending, .failed], [.succeeded, .reversed]]
        for from in PaymentStatus.allCases {
            for to in PaymentStatus.allCases {
                XCTAssertEqual(from.canMove(to: to), allowed.contains([from, to]), "\(from) → \(to)")
            }
        }
        XCTAssertEqual(PaymentStatus.initial(for: .repayment, method: .cash), .succeeded)
        XCTAssertEqual(PaymentStatus.initial(for: .repayment, method: .mobileMoney), .pending)
        XCTAssertEqual(PaymentStatus.initial(for: .disbursement, method: .bankTransfer), .succeeded)
    }

    func testPaymentLifecycle() throws {
        let now = Timestamp(microsecondsSinceEpoch: 0)
        let p = Payment(
            id: .generate(), createdAt: now, updatedAt: now, type: .repayment, loanID: .generate(),
            clientID: .generate(), amount: 100, currency: .kes, method: .card, status: .pending)
        let failed = try p.settled(succeeded: false, failureReason: "declined")
        XCTAssertEqual(failed.status, .failed)
        XCTAssertEqual(failed.failureReason, "declined")
        XCTAssertThrowsError(try failed.reversed())
        let ok = try p.settled(succeeded: true)
        XCTAssertEqual(try ok.reversed().status, .reversed)
        XCTAssertThrowsError(try ok.settled(succeeded: true))
    }

    func testLinkMoves() {
        for from in LinkStatus.allCases {
            for to in LinkStatus.allCases {
                XCTAssertEqual(from.canMove(to: to), from == .active && to != .active, "\(from) → \(to)")
            }
        }
    }

    func testKYCActionsNeedPending() throws {
        XCTAssertEqual(try KYCAction.verify.target(from: .pending), .verified)
        XCTAssertEqual(try KYCAction.reject.target(from: .pending), .rejected)
        for action in KYCAction.allCases {
            for status in [KYCStatus.verified, .rejected] {
                XCTAssertThrowsError(try action.target(from: status))
            }
        }
        let now = Timestamp(microsecondsSinceEpoch: 42)
        let client = Client(id: .generate(), createdAt: now, updatedAt: now, firstName: "A", lastName: "B")
        XCTAssertEqual(client.kyc.verificationErrors().fields, ["kyc.id_type", "kyc.id_number"])
        XCTAssertThrowsError(try client.verifyingKYC(at: now)) {
            XCTAssertEqual(($0 as? ModelError)?.field, "kyc.id_type")
        }
        var ready = client
        ready.kyc.idType = .passport
        ready.kyc.idNumber = "X1"
        let verified = try ready.verifyingKYC(at: now)
        XCTAssertEqual(verified.kyc.status, .verified)
        XCTAssertEqual(verified.kyc.verifiedAt, now)
        XCTAssertThrowsError(try verified.rejectingKYC(reason: "late")) {
            XCTAssertEqual(($0 as? ModelError)?.code, .invalidState)
        }
    }
}
