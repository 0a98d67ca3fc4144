import FincoreModel
import XCTest
@testable import Replica

/// The user's view: server state with the pending outbox on top.
final class OfflineEditTests: ReplicaTestCase {
    func testClientEditShowsAndRecordsItsBase() throws {
        try replica.apply(.client(Fixture.client(1, version: 5)))
        let saved = try replica.editClient(Fixture.clientID(1), ClientPatch(phone: .value("+254799999999")))
        XCTAssertEqual(saved.value.phone, "+254799999999")
        let entry = try XCTUnwrap(try replica.outbox.entry(saved.seq))
        XCTAssertEqual(entry.kind, .editClient)
        XCTAssertEqual(entry.baseVersion, 5)
        XCTAssertEqual(entry.method, "PATCH")
        XCTAssertEqual(entry.path, "/v1/clients/cl_test1")
        XCTAssertEqual(String(decoding: entry.body, as: UTF8.self), #"{"phone":"+254799999999"}"#)
        XCTAssertFalse(entry.idempotencyKey.isEmpty)
    }

    func testTwoEditsOfOneFieldMergeLaterWinsBaseKept() throws {
        try replica.apply(.client(Fixture.client(1, version: 5)))
        let first = try replica.editClient(Fixture.clientID(1), ClientPatch(firstName: "Ann", phone: .value("+254711111111")))
        let second = try replica.editClient(Fixture.clientID(1), ClientPatch(phone: .value("+254722222222")))
        XCTAssertEqual(first.seq, second.seq)
        XCTAssertEqual(second.value.phone, "+254722222222")
        XCTAssertEqual(second.value.firstName, "Ann")
        let entries = try replica.outbox.entries()
        XCTAssertEqual(entries.count, 1)
        XCTAssertEqual(entries.first?.baseVersion, 5)
        XCTAssertEqual(entries.first.map { String(decoding: $0.body, as: UTF8.self) },
                       #"{"first_name":"Ann","phone":"+254722222222"}"#)
    }

    func testEditAfterFirstIsInFlightGetsItsOwnEntryWithTheSameBase() throws {
        try replica.apply(.client(Fixture.client(1, version: 5)))
        let first = try replica.editClient(Fixture.clientID(1), ClientPatch(phone: .value("+254711111111")))
        try replica.outbox.markInFlight(first.seq)
        let second = try replica.editClient(Fixture.clientID(1), ClientPatch(phone: .value("+254722222222")))
        XCTAssertNotEqual(first.seq, second.seq)
        XCTAssertEqual(try replica.outbox.entry(second.seq)?.baseVersion, 5)
        XCTAssertEqual(try replica.outbox.entry(second.seq)?.dependsOn, [first.seq])
        // Our own push moves the object to 6: the queued edit's base follows.
        var pushed = Fixture.client(1, version: 6)
        pushed.phone = "+254711111111"
        try replica.outbox.markDone(first.seq, serverObject: .client(pushed))
        XCTAssertEqual(try replica.outbox.entry(second.seq)?.baseVersion, 6)
        XCTAssertEqual(try replica.client(Fixture.clientID(1))?.value.phone, "+254722222222")
    }

    func testOfflineRepaymentLowersBalanceAndIsListedPending() throws {
        try replica.apply(.client(Fixture.client(1)))
        let loan = try Fixture.activeLoan(1, client: 1)
        try replica.apply(.loan(loan))
        let saved = try replica.repay(loan.id, NewRepayment(amount: 1_000_000, method: .cash))
        XCTAssertTrue(LocalID.isLocal(saved.value.id))
        XCTAssertEqual(saved.value.status, .succeeded)
        XCTAssertEqual(try replica.loan(loan.id)?.value.balance, loan.balance - 1_000_000)
        XCTAssertEqual(try replica.loan(loan.id)?.value.schedule.first?.paid, 1_000_000)
        let payments = try replica.payments(ofLoan: loan.id)
        XCTAssertEqual(payments.map(\.value.id), [saved.value.id])
        XCTAssertEqual(payments.first?.isUnpushed, true)
        let entry = try XCTUnwrap(try replica.outbox.entry(saved.seq))
        XCTAssertEqual(entry.path, "/v1/loans/ln_test1/repayments")
        XCTAssertNil(entry.baseVersion)
    }

    func testClientCreatedOfflineIsListedAndUsable() throws {
        let created = try replica.createClient(NewClient(firstName: "Baraka", lastName: "Mwangi", phone: "+254733333333",
                                                         kyc: KYCPatch(idType: .value(.passport), idNumber: .value("P1234567"))))
        XCTAssertTrue(LocalID.isLocal(created.value.id))
        XCTAssertNotNil(created.value.externalID)
        XCTAssertEqual(try replica.searchClients("Barak").map(\.value.id), [created.value.id])
        let verified = try replica.verifyKYC(created.value.id)
        XCTAssertEqual(verified.value.kyc.status, .verified)
        let loan = try replica.applyForLoan(NewLoan(clientID: created.value.id, principal: 1_000_000, currency: .kes,
                                                    interestRateBps: 1200, termMonths: 6))
        XCTAssertEqual(loan.value.clientID, created.value.id)
        XCTAssertEqual(loan.value.status, .pending)
        let approved = try replica.approveLoan(loan.value.id)
        XCTAssertEqual(approved.value.status, .approved)
        let disbursed = try replica.disburseLoan(loan.value.id, method: .mobileMoney)
        XCTAssertEqual(disbursed.value.status, .active)
        XCTAssertEqual(disbursed.value.schedule.count, 6)
        XCTAssertEqual(try replica.loans(ofClient: created.value.id).map(\.value.id), [loan.value.id])
    }

    func testEditOfAnUnsentCreateFoldsIntoIt() throws {
        let created = try replica.createClient(NewClient(firstName: "Baraka", lastName: "Mwangi"))
        let edited = try replica.editClient(created.value.id, ClientPatch(lastName: "Mwangi-Otieno"))
        XCTAssertEqual(edited.seq, created.seq)
        let body = try XCTUnwrap(try replica.outbox.entry(created.seq)).decodeBody(as: NewClient.self)
        XCTAssertEqual(body.lastName, "Mwangi-Otieno")
    }

    func testDroppingACreateRemovesTheObjectAndItsDependents() throws {
        let created = try replica.createClient(NewClient(firstName: "Baraka", lastName: "Mwangi"))
        let loan = try replica.applyForLoan(NewLoan(clientID: created.value.id, principal: 1_000_000, currency: .kes,
                                                    interestRateBps: 1200, termMonths: 6))
        XCTAssertEqual(try replica.outbox.drop(created.seq), [created.seq, loan.seq])
        XCTAssertNil(try replica.client(created.value.id))
        XCTAssertNil(try replica.loan(loan.value.id))
        XCTAssertEqual(try replica.outbox.unpushedCount(), 0)
    }

    func testReversalRestoresTheBalance() throws {
        try replica.apply(.client(Fixture.client(1)))
        let loan = try Fixture.activeLoan(1, client: 1)
        let paid = try loan.applyingPayment(500_000, at: Fixture.t0)
        var served = paid
        served.version = loan.version + 1
        try replica.apply(.loan(served))
        try replica.apply(.payment(Fixture.payment(1, loan: loan, amount: 500_000)))
        let reversed = try replica.reversePayment(Fixture.paymentID(1), reason: "duplicate")
        XCTAssertEqual(reversed.value.status, .reversed)
        XCTAssertEqual(try replica.loan(loan.id)?.value.balance, loan.balance)
    }
}
