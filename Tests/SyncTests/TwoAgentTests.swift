import APIClient
import FincoreModel
import Foundation
import Replica
@testable import Sync
import XCTest

/// Two agents (two replicas) editing the same client: disjoint fields merge; the same field is
/// a conflict for the later one, resolvable either way.
final class TwoAgentTests: SyncTestCase {
    func testDisjointEditsMergeAndTheSameFieldConflictsForTheLaterAgent() async throws {
        let (api, client, a, b) = try await twoAgentsSharingAClient()

        // Disjoint: A changes the phone, B the address; both land.
        _ = try a.replica.editClient(client.id, ClientPatch(phone: .value("+254700000001")))
        _ = try b.replica.editClient(client.id, ClientPatch(address: .value("Moi Avenue 1")))
        let run1 = await a.sync()
        XCTAssertEqual(run1.pushed, 1)
        let merged = await b.sync()
        XCTAssertEqual(merged.pushed, 1)
        XCTAssertEqual(merged.conflicts, 0)
        var server = try await api.client(client.id).value
        XCTAssertEqual(server.phone, "+254700000001")
        XCTAssertEqual(server.address, "Moi Avenue 1")

        // Same field: A first wins; B's edit is a conflict holding mine, theirs and base.
        let run2 = await a.sync()
        XCTAssertEqual(run2.outcome, .completed)
        _ = try a.replica.editClient(client.id, ClientPatch(firstName: "Asha"))
        let mine = try b.replica.editClient(client.id, ClientPatch(firstName: "Achieng"))
        let run3 = await a.sync()
        XCTAssertEqual(run3.pushed, 1)
        let clash = await b.sync()
        XCTAssertEqual(clash.conflicts, 1)
        var entry = try XCTUnwrap(try b.replica.outbox.entry(mine.seq))
        XCTAssertEqual(entry.state, .conflict)
        XCTAssertEqual(entry.failure?.field, "first_name")
        XCTAssertEqual(entry.theirs?["first_name"], .string("Asha"))

        // Resolved "keep mine": sent again (under a new key) against theirs, and it wins.
        try b.replica.outbox.retry(mine.seq, keepingMine: true)
        let kept = await b.sync()
        XCTAssertEqual(kept.pushed, 1, "\(kept)")
        server = try await api.client(client.id).value
        XCTAssertEqual(server.firstName, "Achieng")

        // Again, resolved "keep theirs": the entry is dropped and B shows A's value.
        let run4 = await a.sync()
        XCTAssertEqual(run4.outcome, .completed)
        _ = try a.replica.editClient(client.id, ClientPatch(firstName: "Wanjiru"))
        let second = try b.replica.editClient(client.id, ClientPatch(firstName: "Nyokabi"))
        _ = await a.sync()
        let run5 = await b.sync()
        XCTAssertEqual(run5.conflicts, 1)
        entry = try XCTUnwrap(try b.replica.outbox.entry(second.seq))
        XCTAssertEqual(entry.state, .conflict)
        try b.replica.outbox.drop(second.seq)
        let run6 = await b.sync()
        XCTAssertEqual(run6.outcome, .completed)
        XCTAssertEqual(try b.replica.client(client.id)?.value.firstName, "Wanjiru")
        try await assertSameAsServer(b.replica, api)
        try await assertSameAsServer(a.replica, api)
    }

    /// Both officers verify the same client's KYC offline: the later one's verification is done (the
    /// client is verified, as asked), not a conflict that blocks what waits behind it.
    func testAKYCVerifiedByBothAgentsIsNoConflict() async throws {
        let (api, client, a, b) = try await twoAgentsSharingAClient()
        _ = try a.replica.verifyKYC(client.id)
        let mine = try b.replica.verifyKYC(client.id)
        let application = try b.replica.applyForLoan(NewLoan(clientID: client.id, principal: 5_000_000, currency: .kes,
                                                         interestRateBps: 1200, termMonths: 6))
        let first = await a.sync()
        XCTAssertEqual(first.pushed, 1)
        let run = await b.sync()
        XCTAssertEqual(run.conflicts, 0, "\(run)")
        XCTAssertEqual(run.failures, 0, "\(run)")
        XCTAssertEqual(try b.replica.outbox.entry(mine.seq)?.state, .done)
        XCTAssertEqual(try b.replica.outbox.entry(application.seq)?.state, .done, "what waited behind it went too")
        let server = try await api.client(client.id).value
        XCTAssertEqual(server.kyc.status, .verified)
        try await assertSameAsServer(b.replica, api)
    }

    /// A scope change: a client moved to another officer leaves an officer's replica within one
    /// sync, but only after its pending edit was pushed.
    func testAClientMovedOutOfScopeLeavesAfterItsEditIsPushed() async throws {
        try await startSandbox()
        let api = try makeClient()
        let (mover, moverLoan) = try await makeActiveLoan(api, officer: "of_1")
        let (stayer, _) = try await makeActiveLoan(api, officer: "of_1")
        let (other, _) = try await makeActiveLoan(api, officer: "of_2")
        let engine = try makeEngine()
        try await engine.setScope(.officer("of_1"))
        let run7 = await engine.sync()
        XCTAssertEqual(run7.outcome, .completed)
        XCTAssertNotNil(try engine.replica.client(mover.id))
        XCTAssertNotNil(try engine.replica.client(stayer.id))
        XCTAssertNil(try engine.replica.client(other.id), "out of scope, never stored")

        // Offline, the officer takes a repayment from the client the server then moves away.
        let repayment = try engine.replica.repay(moverLoan.id, NewRepayment(amount: 700, method: .cash))
        _ = try await api.updateClient(mover.id, ClientPatch(officerID: .value("of_2")))
        let summary = await engine.sync()
        XCTAssertEqual(summary.outcome, .completed)
        XCTAssertEqual(summary.pushed, 1)
        let pushed = try await api.listPayments(ListQuery(externalID: repayment.value.externalID)).value.data
        XCTAssertEqual(pushed.count, 1, "the edit reached the server before the purge")
        XCTAssertNil(try engine.replica.client(mover.id), "purged within one sync")
        XCTAssertNil(try engine.replica.loan(moverLoan.id))
        XCTAssertNotNil(try engine.replica.client(stayer.id))

        // Widening the scope brings everyone in.
        try await engine.setScope(.all)
        let run8 = await engine.sync()
        XCTAssertEqual(run8.outcome, .completed)
        try await assertSameAsServer(engine.replica, api)
    }
}
