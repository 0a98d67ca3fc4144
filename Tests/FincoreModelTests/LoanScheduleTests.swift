import XCTest
@testable import FincoreModel

/// The contract's schedule rule, allocation and reversal.
final class LoanScheduleTests: XCTestCase {
    private func date(_ text: String) throws -> CivilDate { try XCTUnwrap(CivilDate(text)) }

    func testRemaindersGoToTheLastInstalment() throws {
        // ⌊100000 × 1850 × 7 / 120000⌋ = ⌊10791.67⌋ = 10791.
        XCTAssertEqual(try LoanSchedule.totalInterest(principal: 100_000, rateBps: 1850, termMonths: 7), 10_791)
        let items = try LoanSchedule.instalments(
            principal: 100_000, rateBps: 1850, termMonths: 7, disbursedOn: date("2026-11-24"))
        XCTAssertEqual(items.count, 7)
        XCTAssertEqual(items.dropLast().map(\.principalDue), Array(repeating: 14_285, count: 6))
        XCTAssertEqual(items.dropLast().map(\.interestDue), Array(repeating: 1_541, count: 6))
        XCTAssertEqual(items.last?.principalDue, 14_290)
        XCTAssertEqual(items.last?.interestDue, 1_545)
        XCTAssertEqual(items.map(\.principalDue).reduce(0, +), 100_000)
        XCTAssertEqual(items.map(\.interestDue).reduce(0, +), 10_791)
        XCTAssertEqual(items.map(\.dueDate.description), [
            "2026-12-24", "2027-01-24", "2027-02-24", "2027-03-24", "2027-04-24", "2027-05-24", "2027-06-24",
        ])
        XCTAssertTrue(items.allSatisfy { $0.paid == 0 })
    }

    func testMonthEndDueDatesInALeapYear() throws {
        let items = try LoanSchedule.instalments(
            principal: 1_200, rateBps: 0, termMonths: 4, disbursedOn: date("2027-10-31"))
        XCTAssertEqual(items.map(\.dueDate.description), ["2027-11-30", "2027-12-31", "2028-01-31", "2028-02-29"])
        XCTAssertEqual(items.map(\.interestDue), [0, 0, 0, 0])
        let plain = try LoanSchedule.instalments(principal: 100, rateBps: 100, termMonths: 1, disbursedOn: date("2026-01-31"))
        XCTAssertEqual(plain.map(\.dueDate.description), ["2026-02-28"])
    }

    func testOverflowIsAnErrorNotATrap() throws {
        // The 128-bit product fits, the quotient does not.
        XCTAssertThrowsError(try LoanSchedule.totalInterest(principal: .max, rateBps: 10_000, termMonths: 120)) {
            XCTAssertEqual(($0 as? ModelError)?.code, .overflow)
        }
        // The interest fits, principal + interest does not.
        XCTAssertThrowsError(try LoanSchedule.instalments(
            principal: .max / 2, rateBps: 10_000, termMonths: 13, disbursedOn: date("2026-01-01"))) {
            XCTAssertEqual(($0 as? ModelError)?.code, .overflow)
        }
        // A product beyond 64 bits whose quotient fits is computed exactly.
        XCTAssertEqual(try LoanSchedule.totalInterest(principal: .max / 10, rateBps: 10_000, termMonths: 1),
                       Int64.max / 10 / 12)
        XCTAssertThrowsError(try LoanSchedule.totalInterest(principal: 0, rateBps: 1, termMonths: 1)) {
            XCTAssertEqual(($0 as? ModelError)?.field, "principal")
        }
        XCTAssertThrowsError(try LoanSchedule.totalInterest(principal: 1, rateBps: 1, termMonths: 121)) {
            XCTAssertEqual(($0 as? ModelError)?.field, "term_months")
        }
    }

    func testAllocationFillsOldestFirstAndReversalRestoresExactly() throws {
        let schedule = try LoanSchedule.instalments(
            principal: 100_000, rateBps: 1850, termMonths: 7, disbursedOn: date("2026-11-24"))
        // Each of the first six instalments is 15826.
        let paid = try LoanSchedule.allocate(40_000, to: schedule)
        XCTAssertEqual(paid.map(\.paid), [15_826, 15_826, 8_348, 0, 0, 0, 0])
        XCTAssertEqual(LoanSchedule.outstanding(paid), 110_791 - 40_000)
        let more = try LoanSchedule.allocate(10_000, to: paid)
        XCTAssertEqual(more.map(\.paid), [15_826, 15_826, 15_826, 2_522, 0, 0, 0])
        // Reversing the first payment takes back from the newest paid first.
        let undone = try LoanSchedule.reverse(40_000, from: more)
        XCTAssertEqual(undone, try LoanSchedule.allocate(10_000, to: schedule))
        XCTAssertEqual(try LoanSchedule.reverse(10_000, from: undone), schedule)
        XCTAssertEqual(try LoanSchedule.reverse(40_000, from: paid), schedule)
    }

    func testOverpaymentAndOverReversalRefused() throws {
        let schedule = try LoanSchedule.instalments(principal: 1_000, rateBps: 1200, termMonths: 2, disbursedOn: date("2026-01-01"))
        XCTAssertEqual(LoanSchedule.outstanding(schedule), 1_020)
        XCTAssertThrowsError(try LoanSchedule.allocate(1_021, to: schedule)) {
            XCTAssertEqual(($0 as? ModelError)?.code, .amountExceedsBalance)
            XCTAssertEqual(($0 as? ModelError)?.field, "amount")
            XCTAssertEqual(($0 as? ModelError)?.errorCode.httpStatus, 422)
        }
        let full = try LoanSchedule.allocate(1_020, to: schedule)
        XCTAssertTrue(full.allSatisfy(\.isPaid))
        XCTAssertThrowsError(try LoanSchedule.reverse(1_021, from: full))
        XCTAssertThrowsError(try LoanSchedule.allocate(0, to: schedule))
    }

    func testLoanLifecycleClosesAndReopens() throws {
        let now = try XCTUnwrap(Timestamp("2026-01-31T10:00:00Z"))
        let later = now.adding(seconds: 60)
        var loan = Loan(
            id: .generate(), createdAt: now, updatedAt: now, clientID: .generate(), principal: 1_000,
            currency: .kes, interestRateBps: 1200, termMonths: 2)
        XCTAssertEqual(loan.balance, 0)
        loan = try loan.performing(.approve, at: now)
        XCTAssertEqual(loan.approvedAt, now)
        loan = try loan.disbursed(at: now)
        XCTAssertEqual(loan.status, .active)
        XCTAssertEqual(loan.balance, 1_020)
        XCTAssertEqual(loan.schedule.map(\.dueDate.description), ["2026-02-28", "2026-03-31"])
        XCTAssertThrowsError(try loan.checkRepayment(amount: 1_000, pendingTotal: 100)) {
            XCTAssertEqual(($0 as? ModelError)?.code, .amountExceedsBalance)
        }
        XCTAssertNoThrow(try loan.checkRepayment(amount: 920, pendingTotal: 100))

        let closed = try loan.applyingPayment(1_020, at: later)
        XCTAssertEqual(closed.status, .closed)
        XCTAssertEqual(closed.closedAt, later)
        XCTAssertEqual(closed.balance, 0)
        XCTAssertThrowsError(try closed.checkRepayment(amount: 1)) {
            XCTAssertEqual(($0 as? ModelError)?.code, .invalidState)
        }
        let reopened = try closed.applyingReversal(20)
        XCTAssertEqual(reopened.status, .active)
        XCTAssertNil(reopened.closedAt)
        XCTAssertEqual(reopened.balance, 20)
        XCTAssertEqual(reopened.schedule.map(\.paid), [510, 490])
        XCTAssertEqual(try reopened.applyingReversal(1_000), loan)
    }
}
