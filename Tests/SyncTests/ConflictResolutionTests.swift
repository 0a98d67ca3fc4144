import APIClient
import FincoreModel
import Foundation
import Replica
@testable import Sync
import XCTest

/// A two-field conflict resolved field by field, as the REPL's `resolve N FIELD=mine|theirs`
/// does it (`ConflictResolution` in the fincore target): my conflicting entry is dropped and a
/// new edit made of only the fields marked `mine`, against the server's version.
final class ConflictResolutionTests: SyncTestCase {
    func testATwoFieldConflictResolvedOneMineOneTheirs() async throws {
        let (api, client, a, b) = try await twoAgentsSharingAClient()

        // Both change the address and the email; A pushes first.
        _ = try a.replica.editClient(client.id, ClientPatch(email: .value("a@example.com"),
                                                            address: .value("A Street 1")))
        let mine = try b.replica.editClient(client.id, ClientPatch(email: .value("b@example.com"),
                                                                   address: .value("B Street 2")))
        let pushedA = await a.sync()
        XCTAssertEqual(pushedA.pushed, 1)
        let clash = await b.sync()
        XCTAssertEqual(clash.conflicts, 1)
        let entry = try XCTUnwrap(try b.replica.outbox.entry(mine.seq))
        XCTAssertEqual(entry.state, .conflict)
        XCTAssertEqual(entry.theirs?["email"], .string("a@example.com"))
        XCTAssertEqual(entry.theirs?["address"], .string("A Street 1"))
        // Nothing overwritten silently: the server still has A's values.
        var server = try await api.client(client.id).value
        XCTAssertEqual(server.email, "a@example.com")
        XCTAssertEqual(server.address, "A Street 1")

        // Meanwhile A changes a third field, which B's resolution must not undo.
        _ = try a.replica.editClient(client.id, ClientPatch(phone: .value("+254700000077")))
        let pushedPhone = await a.sync()
        XCTAssertEqual(pushedPhone.pushed, 1)

        // resolve N address=mine email=theirs.
        let dropped = try b.replica.outbox.drop(mine.seq)
        XCTAssertEqual(dropped, [mine.seq])
        XCTAssertEqual(try b.replica.client(client.id)?.value.email, "a@example.com", "theirs shows once dropped")
        let kept = try b.replica.editClient(client.id, ClientPatch(address: .value("B Street 2")))
        XCTAssertEqual(kept.value.address, "B Street 2")
        XCTAssertEqual(kept.value.email, "a@example.com")
        let resolved = await b.sync()
        XCTAssertEqual(resolved.outcome, .completed)
        XCTAssertEqual(resolved.pushed, 1)
        XCTAssertEqual(resolved.conflicts, 0)

        server = try await api.client(client.id).value
        XCTAssertEqual(server.address, "B Street 2", "mine")
        XCTAssertEqual(server.email, "a@example.com", "theirs")
        XCTAssertEqual(server.phone, "+254700000077", "A's later edit of another field stays")
        let local = try XCTUnwrap(try b.replica.client(client.id)?.value)
        XCTAssertEqual([local.address, local.email, local.phone], [server.address, server.email, server.phone])
        XCTAssertEqual(try b.replica.outbox.unpushedCount(), 0)
        _ = await a.sync()
        try await assertSameAsServer(a.replica, api)
        try await assertSameAsServer(b.replica, api)
    }

    /// A field marked `mine` whose server value changed again before the resolution was pushed
    /// is a new conflict, not a silent overwrite.
    func testAResolutionThatMeetsANewChangeConflictsAgain() async throws {
        try await startSandbox()
        let api = try makeClient()
        let client = try await makeClient(api)
        let b = try makeEngine("b")
        _ = await b.sync()
        let mine = try b.replica.editClient(client.id, ClientPatch(email: .value("b@example.com"),
                                                                   address: .value("B Street 2")))
        _ = try await api.updateClient(client.id, ClientPatch(email: .value("s1@example.com"),
                                                              address: .value("Server Road 1")))
        let clash = await b.sync()
        XCTAssertEqual(clash.conflicts, 1)

        // address=mine email=theirs, but before B syncs the server changes the address again.
        try b.replica.outbox.drop(mine.seq)
        let kept = try b.replica.editClient(client.id, ClientPatch(address: .value("B Street 2")))
        _ = try await api.updateClient(client.id, ClientPatch(address: .value("Server Road 2")))
        let again = await b.sync()
        XCTAssertEqual(again.conflicts, 1)
        let entry = try XCTUnwrap(try b.replica.outbox.entry(kept.seq))
        XCTAssertEqual(entry.state, .conflict)
        XCTAssertEqual(entry.failure?.field, "address")
        XCTAssertEqual(entry.theirs?["address"], .string("Server Road 2"))
        let server = try await api.client(client.id).value
        XCTAssertEqual(server.address, "Server Road 2", "not overwritten")
        XCTAssertEqual(server.email, "s1@example.com")
    }
}
