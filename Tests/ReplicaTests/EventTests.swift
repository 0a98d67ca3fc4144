import FincoreModel
import Foundation
import Glibc
import XCTest
@testable import Replica

/// Webhook events: the pull's apply path plus durable deduplication by event id.
final class EventTests: ReplicaTestCase {
    private func event(_ n: Int, _ type: EventType, _ object: SyncedObject) -> WebhookEvent {
        WebhookEvent(id: EventID("ev_test\(n)") ?? EventID.generate(), type: type, createdAt: Fixture.t0, object: object)
    }

    private func clientVersion(_ n: Int) throws -> Int? {
        try replica.read { db in try ServerStore.version(db, type: .client, id: Fixture.clientID(n).rawValue) }
    }

    private let everything: (SyncedObject) -> Bool = { _ in true }

    func testTheSameEventTwiceChangesNothingEvenAfterReopening() throws {
        let created = event(1, .clientCreated, .client(Fixture.client(1, version: 1)))
        XCTAssertEqual(try replica.receive(created, admit: everything), .applied)
        let before = try snapshot()
        XCTAssertEqual(try replica.receive(created, admit: everything), .duplicate)
        XCTAssertEqual(try snapshot(), before)

        // Durable: a new process (a restarted `listen`) still knows the id. Same id with another
        // body (a forged or buggy resend) is a duplicate too: the id is what the contract dedups on.
        let path = replica.path
        replica = nil
        replica = try Replica(path: path, clock: { ReplicaTestCase.now })
        let resent = event(1, .clientUpdated, .client(Fixture.client(1, version: 2, last: "Changed")))
        XCTAssertEqual(try replica.receive(resent, admit: everything), .duplicate)
        XCTAssertEqual(try replica.client(Fixture.clientID(1))?.value.lastName, "Otieno")
        XCTAssertEqual(try clientVersion(1), 1)
        XCTAssertTrue(try replica.hasReceived(created.id))
    }

    func testAnOlderVersionNeverOverwritesANewerOne() throws {
        XCTAssertEqual(try replica.receive(event(1, .clientUpdated, .client(Fixture.client(1, version: 3, last: "Three"))),
                                           admit: everything), .applied)
        // Out of order: the create and the first update arrive after the newer update.
        XCTAssertEqual(try replica.receive(event(2, .clientUpdated, .client(Fixture.client(1, version: 2, last: "Two"))),
                                           admit: everything), .stale)
        XCTAssertEqual(try replica.receive(event(3, .clientCreated, .client(Fixture.client(1, version: 1))),
                                           admit: everything), .stale)
        XCTAssertEqual(try replica.client(Fixture.clientID(1))?.value.lastName, "Three")
        // A pull of an old page after the event changes nothing either; a newer one wins.
        XCTAssertEqual(try replica.apply(.client(Fixture.client(1, version: 2))).stale, 1)
        XCTAssertEqual(try replica.apply(.client(Fixture.client(1, version: 4, last: "Four"))).stored, 1)
        XCTAssertEqual(try replica.receive(event(4, .clientUpdated, .client(Fixture.client(1, version: 3))),
                                           admit: everything), .stale)
        XCTAssertEqual(try replica.client(Fixture.clientID(1))?.value.lastName, "Four")
        XCTAssertEqual(try clientVersion(1), 4)
        let history = try replica.history(of: Fixture.clientID(1).rawValue).map(\.event)
        XCTAssertEqual(history, ["webhook", "pulled"])
    }

    func testClientDeletedEventPurgesTheClientAndKeepsItOut() throws {
        try replica.apply(.client(Fixture.client(1, last: "Quintavalle", idNumber: "KYC-77461230")))
        try replica.apply(.loan(try Fixture.activeLoan(1, client: 1)))
        XCTAssertEqual(try replica.searchClients("Quintavalle").count, 1)
        let tombstone = Tombstone(id: Fixture.clientID(1), updatedAt: Fixture.t0.adding(seconds: 60))
        XCTAssertEqual(try replica.receive(event(1, .clientDeleted, .tombstone(tombstone)), admit: everything), .deleted)
        XCTAssertNil(try replica.client(Fixture.clientID(1)))
        XCTAssertNil(try replica.loan(Fixture.loanID(1)))
        XCTAssertEqual(try replica.searchClients("Quintavalle").count, 0)
        for suffix in ["", "-wal"] {
            let bytes = FileManager.default.contents(atPath: replica.path + suffix) ?? Data()
            XCTAssertNil(bytes.range(of: Data("KYC-77461230".utf8)), "KYC data left in replica.sqlite\(suffix)")
        }
        // Shuffled delivery: an update sent before the delete arrives after it, with a higher
        // version than anything stored. It must not bring the client back.
        XCTAssertEqual(try replica.receive(event(2, .clientUpdated, .client(Fixture.client(1, version: 5))),
                                           admit: everything), .stale)
        XCTAssertNil(try replica.client(Fixture.clientID(1)))
    }

    func testATombstoneOfSomethingNeverHadIsRememberedNotApplied() throws {
        let tombstone = Tombstone(id: Fixture.clientID(2), updatedAt: Fixture.t0)
        XCTAssertEqual(try replica.receive(event(1, .clientDeleted, .tombstone(tombstone)), admit: everything), .ignored)
        XCTAssertEqual(try replica.receive(event(2, .clientCreated, .client(Fixture.client(2))), admit: everything), .stale)
        XCTAssertNil(try replica.client(Fixture.clientID(2)))
    }

    func testObjectsOutsideTheScopeAreIgnoredUnlessAlreadyHeld() throws {
        let elsewhere = Fixture.client(1, branch: "br_mombasa")
        let before = try snapshot()
        XCTAssertEqual(try replica.receive(event(1, .clientCreated, .client(elsewhere)), admit: { _ in false }), .ignored)
        XCTAssertEqual(try snapshot(), before)
        XCTAssertTrue(try replica.hasReceived(EventID("ev_test1") ?? EventID.generate()))
        // A client the replica has is updated whatever the scope says (the scope sweep decides later).
        try replica.apply(.client(Fixture.client(2, version: 1)))
        XCTAssertEqual(try replica.receive(event(2, .clientUpdated, .client(Fixture.client(2, version: 2, last: "Moved"))),
                                           admit: { _ in false }), .applied)
        XCTAssertEqual(try replica.client(Fixture.clientID(2))?.value.lastName, "Moved")
    }

    func testOldEventIDsCanBeForgotten() throws {
        _ = try replica.receive(event(1, .clientCreated, .client(Fixture.client(1))), admit: everything)
        XCTAssertEqual(try replica.forgetEvents(receivedBefore: ReplicaTestCase.now), 0)
        XCTAssertEqual(try replica.forgetEvents(receivedBefore: ReplicaTestCase.now.adding(seconds: 1)), 1)
        XCTAssertFalse(try replica.hasReceived(EventID("ev_test1") ?? EventID.generate()))
    }

    func testWebhookSecretsAreStoredPrivatelyAndForgotten() throws {
        let location = ReplicaLocation(directory: path("hooks"))
        let secrets = WebhookSecrets(location: location)
        XCTAssertTrue(try secrets.all().isEmpty)
        try secrets.store("whsec_one", for: "wh_1")
        try secrets.store("whsec_two", for: "wh_2")
        try secrets.store("whsec_three", for: "wh_1")
        XCTAssertEqual(try secrets.all().map(\.id), ["wh_2", "wh_1"])
        XCTAssertEqual(try secrets.secrets(), ["whsec_two", "whsec_three"])
        var info = stat()
        XCTAssertEqual(stat(secrets.path, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        XCTAssertEqual(stat(location.directory, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o700)
        XCTAssertFalse(String(describing: secrets).contains("whsec_"))
        XCTAssertTrue(try secrets.remove("wh_1"))
        XCTAssertFalse(try secrets.remove("wh_1"))
        XCTAssertEqual(try secrets.secrets(), ["whsec_two"])

        chmod(secrets.path, 0o644)
        let error = refusal { try secrets.secrets() }
        XCTAssertEqual(error?.code, .location)
        XCTAssertFalse(error?.message.contains("whsec_") ?? true)
    }
}
