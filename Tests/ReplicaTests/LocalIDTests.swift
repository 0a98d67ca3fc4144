import FincoreModel
import XCTest
@testable import Replica

/// Local ids: usable before the server assigns one, replaced everywhere after, resolving forever.
final class LocalIDTests: ReplicaTestCase {
    func testLocalIDsAreMarked() throws {
        let id = try XCTUnwrap(LocalID.generate(ClientKind.self))
        XCTAssertTrue(id.rawValue.hasPrefix("cl_local_"))
        XCTAssertTrue(LocalID.isLocal(id))
        XCTAssertFalse(LocalID.isLocal("cl_8f2kQ1"))
    }

    func testServerIDReplacesLocalIDEverywhereAndTheLocalIDStillResolves() throws {
        let client = try replica.createClient(NewClient(firstName: "Baraka", lastName: "Mwangi"))
        let local = client.value.id
        let loan = try replica.applyForLoan(NewLoan(clientID: local, principal: 1_000_000, currency: .kes,
                                                    interestRateBps: 1200, termMonths: 6))
        XCTAssertEqual(loan.value.clientID, local)
        XCTAssertTrue(String(decoding: try XCTUnwrap(try replica.outbox.entry(loan.seq)).body, as: UTF8.self)
            .contains(local.rawValue))

        var server = Fixture.client(7, first: "Baraka", last: "Mwangi")
        server.externalID = client.value.externalID
        try replica.outbox.markInFlight(client.seq)
        try replica.outbox.markDone(client.seq, serverObject: .client(server))

        // The local id resolves to the server's object.
        XCTAssertEqual(try replica.client(local)?.value.id, server.id)
        XCTAssertEqual(try replica.client(server.id)?.value.version, 1)
        // The pending loan application now names the server id, in its body and its view.
        let body = String(decoding: try XCTUnwrap(try replica.outbox.entry(loan.seq)).body, as: UTF8.self)
        XCTAssertFalse(body.contains(local.rawValue))
        XCTAssertTrue(body.contains(#""client_id":"cl_test7""#))
        XCTAssertEqual(try replica.loan(loan.value.id)?.value.clientID, server.id)
        XCTAssertEqual(try replica.loans(ofClient: local).count, 1)
        XCTAssertEqual(try replica.outbox.entry(loan.seq)?.clientID, "cl_test7")
        // Edits through the local id land on the server id, against the acknowledged version.
        let edit = try replica.editClient(local, ClientPatch(lastName: "Mwangi-Otieno"))
        XCTAssertEqual(try replica.outbox.entry(edit.seq)?.path, "/v1/clients/cl_test7")
        XCTAssertEqual(try replica.outbox.entry(edit.seq)?.baseVersion, 1)
        XCTAssertEqual(try replica.history(of: local.rawValue).map(\.event),
                       ["local_create_client", "id_assigned", "pulled", "pushed", "local_edit_client"])
    }

    func testPullFindingOurCreateByExternalIDAdoptsIt() throws {
        let client = try replica.createClient(NewClient(firstName: "Baraka", lastName: "Mwangi"))
        var server = Fixture.client(7, first: "Baraka", last: "Mwangi")
        server.externalID = client.value.externalID
        try replica.apply(.client(server))
        XCTAssertEqual(try replica.clients().map(\.value.id), [server.id])
        XCTAssertEqual(try replica.client(client.value.id)?.value.id, server.id)
        // The create is still to be pushed (the server will answer external_id_taken); it now
        // addresses the server's object.
        XCTAssertEqual(try replica.outbox.entry(client.seq)?.objectID, "cl_test7")
    }

    func testRepaymentAcknowledgedKeepsItsLocalIDResolving() throws {
        try replica.apply(.client(Fixture.client(1)))
        let loan = try Fixture.activeLoan(1, client: 1)
        try replica.apply(.loan(loan))
        let saved = try replica.repay(loan.id, NewRepayment(amount: 1000, method: .cash))
        var server = Fixture.payment(9, loan: loan, amount: 1000)
        server.externalID = saved.value.externalID
        try replica.outbox.markDone(saved.seq, serverObject: .payment(server))
        XCTAssertEqual(try replica.payment(saved.value.id)?.value.id, server.id)
        XCTAssertEqual(try replica.payments(ofLoan: loan.id).map(\.value.id), [server.id])
        XCTAssertEqual(try replica.payments(ofLoan: loan.id).first?.isUnpushed, false)
    }
}
