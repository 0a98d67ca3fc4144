import FincoreModel
import XCTest
@testable import Replica

/// Offline search, lists, collection list and portfolio summary, with exact results.
final class QueryTests: ReplicaTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try replica.apply(batch: [
            .client(Fixture.client(1, first: "Amina", last: "Otieno", phone: "+254712345678", idNumber: "29981234")),
            .client(Fixture.client(2, first: "Baraka", last: "Mwangi", phone: "+254798765432", idNumber: "11223344",
                                   branch: "br_mombasa", officer: "of_njeri")),
            .client(Fixture.client(3, first: "Chebet", last: "Kiprono", phone: nil, kyc: .verified, idNumber: "55667788")),
        ])
    }

    func testSearchByAnyPartOfNamePhoneOrIDNumber() throws {
        XCTAssertEqual(try replica.searchClients("tien").map(\.value.id), [Fixture.clientID(1)])
        XCTAssertEqual(try replica.searchClients("BARAK").map(\.value.id), [Fixture.clientID(2)])
        XCTAssertEqual(try replica.searchClients("8765").map(\.value.id), [Fixture.clientID(2)])
        XCTAssertEqual(try replica.searchClients("66778").map(\.value.id), [Fixture.clientID(3)])
        XCTAssertEqual(try replica.searchClients("Ch").map(\.value.id), [Fixture.clientID(3)])
        XCTAssertEqual(try replica.searchClients(#"a" OR "b"#).map(\.value.id), [])
        XCTAssertEqual(try replica.searchClients("zzz").count, 0)
    }

    func testSearchSeesOfflineEdits() throws {
        _ = try replica.editClient(Fixture.clientID(1), ClientPatch(lastName: "Wekesa"))
        XCTAssertEqual(try replica.searchClients("Wekes").map(\.value.id), [Fixture.clientID(1)])
        XCTAssertEqual(try replica.searchClients("Otieno").count, 0)
    }

    func testListsByStatusBranchOfficer() throws {
        XCTAssertEqual(try replica.clients(branchID: "br_mombasa").map(\.value.id), [Fixture.clientID(2)])
        XCTAssertEqual(try replica.clients(officerID: "of_kamau").map(\.value.lastName), ["Kiprono", "Otieno"])
        XCTAssertEqual(try replica.clients(status: .inactive).count, 0)
    }

    func testCollectionListAndOverdue() throws {
        // Disbursed 2026-06-15: instalments due on the 15th of July … June 2027.
        let loan = try Fixture.activeLoan(1, client: 1)
        try replica.apply(.loan(loan))
        let day = try XCTUnwrap(CivilDate(year: 2026, month: 11, day: 15))
        let due = try replica.collectionList(dueOn: day)
        XCTAssertEqual(due.items.map(\.number), [5])
        XCTAssertEqual(due.items.first?.phone, "+254712345678")
        XCTAssertEqual(due.items.first?.remaining, Money(minorUnits: 1_100_000, currency: .kes))

        let asOf = try XCTUnwrap(CivilDate(year: 2026, month: 9, day: 1))
        // Pay the first instalment offline: only August is late on 1 September.
        _ = try replica.repay(loan.id, NewRepayment(amount: 1_100_000, method: .cash))
        let late = try replica.overdueList(asOf: asOf)
        XCTAssertEqual(late.items.map(\.number), [2])
        XCTAssertEqual(late.items.first?.daysPastDue, 17)

        let range = try replica.collectionList(from: day, to: day.adding(months: 2), asOf: day)
        XCTAssertEqual(range.items.map(\.number), [5, 6, 7])
        XCTAssertEqual(try replica.collectionList(dueOn: day, branchID: "br_mombasa").items.count, 0)
    }

    func testLoanDetail() throws {
        let loan = try Fixture.activeLoan(1, client: 1)
        try replica.apply(.loan(loan))
        _ = try replica.repay(loan.id, NewRepayment(amount: 500_000, method: .cash))
        let detail = try XCTUnwrap(try replica.loanDetail(loan.id, asOf: try XCTUnwrap(CivilDate(year: 2026, month: 8, day: 20))))
        XCTAssertEqual(detail.paid, Money(minorUnits: 500_000, currency: .kes))
        XCTAssertEqual(detail.overdue, Money(minorUnits: 1_700_000, currency: .kes))
        XCTAssertEqual(detail.daysPastDue, 36)
        XCTAssertEqual(detail.loan.value.schedule.count, 12)
        XCTAssertEqual(detail.payments.count, 1)
    }

    func testPortfolioSummary() throws {
        let loan = try Fixture.activeLoan(1, client: 1)
        try replica.apply(.loan(loan))
        try replica.apply(.loan(Fixture.activeLoan(2, client: 2, disbursedOn: try XCTUnwrap(CivilDate(year: 2026, month: 10, day: 1)),
                                                   principal: 6_000_000, branch: "br_mombasa", officer: "of_njeri")))
        try replica.apply(.loan(Fixture.pendingLoan(3, client: 3)))
        let asOf = try XCTUnwrap(CivilDate(year: 2026, month: 9, day: 1))
        let summary = try replica.portfolioSummary(asOf: asOf)
        XCTAssertEqual(summary.lines.map(\.status), [.active, .pending])
        XCTAssertEqual(summary.lines.first?.count, 2)
        XCTAssertEqual(summary.outstanding, [Money(minorUnits: 13_200_000 + 6_600_000, currency: .kes)])
        // Only loan 1 has an instalment (15 July) more than 30 days late on 1 September.
        XCTAssertEqual(summary.atRisk30, [Money(minorUnits: 13_200_000, currency: .kes)])
        XCTAssertEqual(summary.atRisk30Bps(.kes), 6666)
        XCTAssertEqual(try replica.portfolioSummary(asOf: asOf, branchID: "br_mombasa").atRisk30, [])

        // Paying July offline leaves August (17 days late) as the oldest unpaid: no longer at risk.
        _ = try replica.repay(loan.id, NewRepayment(amount: 1_100_000, method: .cash))
        XCTAssertEqual(try replica.portfolioSummary(asOf: asOf).atRisk30, [])
        let later = try XCTUnwrap(CivilDate(year: 2026, month: 9, day: 15))
        XCTAssertEqual(try replica.portfolioSummary(asOf: later).atRisk30, [Money(minorUnits: 12_100_000, currency: .kes)],
                       "on 15 September August is 31 days late")
    }

    func testSyncStateTables() throws {
        try replica.saveCursor(SyncCursor(resource: "clients", updatedAt: Fixture.t0, lastID: "cl_test3",
                                          state: .object(["window": .integer(10)])))
        let cursor = try XCTUnwrap(try replica.cursor(for: "clients"))
        XCTAssertEqual(cursor.lastID, "cl_test3")
        XCTAssertEqual(cursor.updatedAt, Fixture.t0)
        XCTAssertEqual(cursor.state?["window"], .integer(10))
        XCTAssertEqual(cursor.savedAt, ReplicaTestCase.now)
        try replica.resetCursor(for: "clients")
        XCTAssertNil(try replica.cursor(for: "clients"))

        try replica.appendJournal(JournalEntry(at: Fixture.t0, resource: "clients", event: "pull", pulled: 3))
        try replica.appendJournal(JournalEntry(at: Fixture.t0, resource: "push", event: "push", pushed: 1, failed: 1,
                                               errorCode: "version_conflict"))
        XCTAssertEqual(try replica.journal().map(\.event), ["pull", "push"])
        XCTAssertEqual(try replica.journal(limit: 1).first?.errorCode, "version_conflict")
        XCTAssertEqual(try replica.history(of: "cl_test1").map(\.event), ["pulled"])
    }
}
