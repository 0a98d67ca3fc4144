import FincoreModel
import XCTest
@testable import Replica

/// What the sync engine may send next: dependencies done, failures blocking only their dependents.
final class OutboxOrderingTests: ReplicaTestCase {
    func testLoanForAnOfflineClientWaitsForTheClientsCreate() throws {
        let client = try replica.createClient(NewClient(firstName: "Baraka", lastName: "Mwangi"))
        let loan = try replica.applyForLoan(NewLoan(clientID: client.value.id, principal: 1_000_000, currency: .kes,
                                                    interestRateBps: 1200, termMonths: 6))
        XCTAssertEqual(try replica.outbox.entry(loan.seq)?.dependsOn, [client.seq])
        XCTAssertEqual(try replica.outbox.nextSendable().map(\.seq), [client.seq])
        try replica.outbox.markInFlight(client.seq)
        XCTAssertEqual(try replica.outbox.nextSendable().map(\.seq), [])
        var server = Fixture.client(7)
        server.externalID = client.value.externalID
        try replica.outbox.markDone(client.seq, serverObject: .client(server))
        XCTAssertEqual(try replica.outbox.nextSendable().map(\.seq), [loan.seq])
    }

    func testFailureBlocksDependentsButNotIndependentEntries() throws {
        try replica.apply(.client(Fixture.client(1)))
        try replica.apply(.client(Fixture.client(2)))
        let a1 = try replica.editClient(Fixture.clientID(1), ClientPatch(lastName: "A"))
        try replica.outbox.markInFlight(a1.seq)
        let a2 = try replica.editClient(Fixture.clientID(1), ClientPatch(firstName: "B"))
        let b1 = try replica.editClient(Fixture.clientID(2), ClientPatch(lastName: "C"))
        try replica.outbox.markFailed(a1.seq, OutboxEntry.Failure(status: 400, code: "invalid_request",
                                                                  message: "bad", field: "last_name"))
        XCTAssertEqual(try replica.outbox.nextSendable().map(\.seq), [b1.seq])
        XCTAssertEqual(try replica.outbox.blocked().map(\.seq), [a2.seq])
        let failed = try XCTUnwrap(try replica.outbox.entry(a1.seq))
        XCTAssertEqual(failed.state, .failed)
        XCTAssertEqual(failed.failure?.field, "last_name")
        XCTAssertEqual(failed.attempts, 1)

        try replica.outbox.retry(a1.seq)
        XCTAssertEqual(try replica.outbox.nextSendable().map(\.seq), [a1.seq, b1.seq])
    }

    func testConflictKeepsMineTheirsAndBase() throws {
        try replica.apply(.client(Fixture.client(1, version: 3)))
        let mine = try replica.editClient(Fixture.clientID(1), ClientPatch(lastName: "Mine"))
        try replica.outbox.markInFlight(mine.seq)
        let theirs = Fixture.client(1, version: 4, last: "Theirs")
        try replica.outbox.markConflict(mine.seq, OutboxEntry.Failure(status: 412, code: "version_conflict",
                                                                      message: "stale"), theirs: .client(theirs))
        let entry = try XCTUnwrap(try replica.outbox.entry(mine.seq))
        XCTAssertEqual(entry.state, .conflict)
        XCTAssertEqual(entry.theirs?["last_name"], .string("Theirs"))
        XCTAssertEqual(entry.base?["last_name"], .string("Otieno"))
        XCTAssertEqual(entry.baseVersion, 3)
        XCTAssertEqual(try entry.decodeBody(as: ClientPatch.self).lastName, "Mine")
        // The view still shows mine, on top of theirs.
        XCTAssertEqual(try replica.client(Fixture.clientID(1))?.value.lastName, "Mine")
        try replica.outbox.retry(mine.seq, keepingMine: true)
        XCTAssertEqual(try replica.outbox.entry(mine.seq)?.baseVersion, 4)
        XCTAssertEqual(try replica.outbox.entry(mine.seq)?.state, .pending)
    }

    func testTakingTheirsForADisbursementKeepsTheCashCollectedBehindIt() throws {
        try replica.apply(.client(Fixture.client(1, kyc: .verified)))
        var approved = Fixture.pendingLoan(2, client: 1, version: 2)
        approved.status = .approved
        try replica.apply(.loan(approved))
        let disburse = try replica.disburseLoan(approved.id, method: .cash)
        let repay = try replica.repay(approved.id, NewRepayment(amount: 100_000, method: .cash, reference: "R-1"))
        XCTAssertEqual(try replica.outbox.entry(repay.seq)?.dependsOn, [disburse.seq])
        try replica.outbox.markInFlight(disburse.seq)
        // Another officer disbursed the same loan first: the server's copy is already active.
        let theirs = try Fixture.activeLoan(2, client: 1, version: 3, principal: 5_000_000)
        try replica.outbox.markConflict(disburse.seq, OutboxEntry.Failure(status: 412, code: "version_conflict",
                                                                          message: "stale"), theirs: .loan(theirs))
        XCTAssertEqual(try replica.outbox.takeTheirs(disburse.seq), [disburse.seq])
        let kept = try XCTUnwrap(try replica.outbox.entry(repay.seq), "the repayment must never be dropped with it")
        XCTAssertEqual(kept.dependsOn, [])
        XCTAssertEqual(try replica.outbox.nextSendable().map(\.seq), [repay.seq])
    }

    func testTakingTheirsForAFailedCreateDropsWhatNeedsTheObject() throws {
        let client = try replica.createClient(NewClient(firstName: "Baraka", lastName: "Mwangi"))
        let loan = try replica.applyForLoan(NewLoan(clientID: client.value.id, principal: 1_000_000, currency: .kes,
                                                    interestRateBps: 1200, termMonths: 6))
        try replica.outbox.markInFlight(client.seq)
        try replica.outbox.markFailed(client.seq, OutboxEntry.Failure(status: 400, code: "invalid_request", message: "bad"))
        XCTAssertEqual(try replica.outbox.takeTheirs(client.seq), [client.seq, loan.seq])
        XCTAssertEqual(try replica.outbox.unpushedCount(), 0)
    }

    func testInFlightEntriesComeBackAfterACrash() throws {
        try replica.apply(.client(Fixture.client(1)))
        let edit = try replica.editClient(Fixture.clientID(1), ClientPatch(lastName: "A"))
        try replica.outbox.markInFlight(edit.seq)
        XCTAssertEqual(try replica.outbox.requeueInFlight(), 1)
        let entry = try XCTUnwrap(try replica.outbox.nextSendable().first)
        XCTAssertEqual(entry.seq, edit.seq)
        XCTAssertEqual(entry.idempotencyKey, try replica.outbox.entry(edit.seq)?.idempotencyKey)
    }

    func testEveryKindHasARequestRow() {
        for kind in OutboxKind.allCases {
            XCTAssertEqual(OutboxKind.requests.filter { $0.kind == kind }.count, 1, kind.rawValue)
        }
    }
}
