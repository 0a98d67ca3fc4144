import FincoreModel
import Foundation
import XCTest
@testable import Replica

/// A purged client's personal data is gone from the bytes of the database, -wal and -shm files.
final class PurgeTests: ReplicaTestCase {
    private let firstName = "Zebediah"
    private let surname = "Quintavalle"
    private let idNumber = "KYC-77461230"

    private func rawBytesContain(_ needle: String) throws -> [String] {
        var found: [String] = []
        for suffix in ["", "-wal", "-shm"] {
            let file = replica.path + suffix
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            if data.range(of: Data(needle.utf8)) != nil { found.append("replica.sqlite" + suffix) }
        }
        return found
    }

    private func seed() throws -> Loan {
        for n in 1...50 { try replica.apply(.client(Fixture.client(100 + n, first: "Other\(n)", idNumber: "OTHER-\(n)"))) }
        try replica.apply(.client(Fixture.client(1, first: firstName, last: surname, idNumber: idNumber)))
        let loan = try Fixture.activeLoan(1, client: 1)
        try replica.apply(.loan(loan))
        // An offline edit with KYC data in its body and base copy.
        _ = try replica.editClient(Fixture.clientID(1), ClientPatch(address: .value("Flat 9"), kyc: KYCPatch(idNumber: .value(idNumber + "X"))))
        _ = try replica.repay(loan.id, NewRepayment(amount: 1000, method: .cash))
        XCTAssertEqual(try replica.searchClients(surname).count, 1)
        XCTAssertFalse(try rawBytesContain(surname).isEmpty, "the fixture should be on disk before the purge")
        return loan
    }

    func testPurgeRemovesNameAndIDNumberFromEveryFile() throws {
        _ = try seed()
        try replica.purgeClient(Fixture.clientID(1))
        XCTAssertEqual(try rawBytesContain(surname), [])
        XCTAssertEqual(try rawBytesContain(firstName), [])
        XCTAssertEqual(try rawBytesContain(idNumber), [])
        XCTAssertEqual(try replica.searchClients(surname).count, 0)
        XCTAssertEqual(try replica.searchClients("Other1").count, 11)
        XCTAssertEqual(try replica.outbox.unpushedCount(), 0)
        XCTAssertEqual(try replica.integrityCheck(), ["ok"])
    }

    func testClientTombstonePurgesToo() throws {
        _ = try seed()
        let tombstone = try XCTUnwrap(Tombstone(id: "cl_test1", object: .client, updatedAt: Fixture.t0))
        try replica.apply(batch: [.tombstone(tombstone)])
        XCTAssertEqual(try rawBytesContain(surname), [])
        XCTAssertEqual(try rawBytesContain(idNumber), [])
        XCTAssertNil(try replica.loan(Fixture.loanID(1)))
    }

    func testErrorsDoNotCarryKYCFields() throws {
        _ = try seed()
        _ = try replica.verifyKYC(Fixture.clientID(1))
        let error = refusal { try replica.editClient(Fixture.clientID(1), ClientPatch(phone: .value(idNumber))) }
        XCTAssertNotNil(error)
        XCTAssertFalse(String(describing: error).contains(idNumber))
    }
}
