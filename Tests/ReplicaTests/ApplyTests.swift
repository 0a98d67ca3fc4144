import FincoreModel
import XCTest
@testable import Replica

/// The version rule of downloads, tombstones, and pulls under pending edits.
final class ApplyTests: ReplicaTestCase {
    func testNewerVersionReplacesOlderNeverTheReverse() throws {
        try replica.apply(.client(Fixture.client(1, version: 2, last: "Second")))
        var report = try replica.apply(.client(Fixture.client(1, version: 1, last: "First")))
        XCTAssertEqual(report.stale, 1)
        XCTAssertEqual(try replica.client(Fixture.clientID(1))?.value.lastName, "Second")

        report = try replica.apply(.client(Fixture.client(1, version: 2, last: "Same version")))
        XCTAssertEqual(report.stale, 1)
        report = try replica.apply(.client(Fixture.client(1, version: 3, last: "Third")))
        XCTAssertEqual(report.stored, 1)
        XCTAssertEqual(try replica.client(Fixture.clientID(1))?.value.lastName, "Third")
    }

    func testServerCopyIsStoredExactlyAsPulled() throws {
        let client = Fixture.client(1, version: 4)
        try replica.apply(.client(client))
        let stored = try replica.read { db in try ServerStore.object(db, type: .client, id: client.id.rawValue) }
        XCTAssertEqual(stored, .client(client))
    }

    func testBatchIsOneTransaction() throws {
        let bad = Fixture.client(2, version: 0)
        XCTAssertThrowsError(try replica.apply(batch: [.client(Fixture.client(1)), .client(bad)]))
        XCTAssertNil(try replica.client(Fixture.clientID(1)))
    }

    func testServerObjectWithTheLocalMarkerIsRefused() throws {
        let id = try XCTUnwrap(ClientID("cl_local_abc"))
        var client = Fixture.client(1)
        client.id = id
        XCTAssertEqual(refusal { try replica.apply(.client(client)) }?.code, .invalidObject)
    }

    func testLoanScheduleLandsInInstalments() throws {
        try replica.apply(.client(Fixture.client(1)))
        try replica.apply(.loan(Fixture.activeLoan(1, client: 1)))
        let count = try replica.read { db in
            try db.fetchOne(Int.self, sql: "SELECT count(*) FROM instalments WHERE loan_id = 'ln_test1'")
        }
        XCTAssertEqual(count, 12)
    }

    func testTombstoneDeletesLoanAndPurgesClient() throws {
        try replica.apply(.client(Fixture.client(1)))
        try replica.apply(.loan(Fixture.activeLoan(1, client: 1)))
        let loanTombstone = try XCTUnwrap(Tombstone(id: "ln_test1", object: .loan, updatedAt: Fixture.t0))
        XCTAssertEqual(try replica.applyTombstone(loanTombstone).deleted, 1)
        XCTAssertNil(try replica.loan(Fixture.loanID(1)))
        let clientTombstone = try XCTUnwrap(Tombstone(id: "cl_test1", object: .client, updatedAt: Fixture.t0))
        try replica.applyTombstone(clientTombstone)
        XCTAssertNil(try replica.client(Fixture.clientID(1)))
    }

    func testPullUnderAPendingEditKeepsTheEditOnTop() throws {
        try replica.apply(.client(Fixture.client(1, version: 1, phone: "+254700000001")))
        _ = try replica.editClient(Fixture.clientID(1), ClientPatch(lastName: "Mine"))
        // Someone else changed the phone on the server.
        try replica.apply(.client(Fixture.client(1, version: 2, phone: "+254700000002")))
        let view = try XCTUnwrap(try replica.client(Fixture.clientID(1)))
        XCTAssertEqual(view.value.lastName, "Mine")
        XCTAssertEqual(view.value.phone, "+254700000002")
        XCTAssertEqual(view.unpushedEdits, 1)
        // The server copy is untouched by the overlay.
        let server = try replica.read { db in try ServerStore.object(db, type: .client, id: "cl_test1") }
        guard case .client(let copy)? = server else { return XCTFail("no server copy") }
        XCTAssertEqual(copy.lastName, "Otieno")
    }
}
