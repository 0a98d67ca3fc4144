import Foundation
import XCTest

/// Scripted runs of the edit commands of clients, loans, payments and links: what each prints,
/// its exit status, and that the server ends up agreeing after a sync.
final class EveryCommandEditTests: EveryCommandTestCase {
    func testClientEditAndKYCReject() throws {
        let client = try addClient("Edit", "Me")
        let edit = try expect("client edit \(client) phone=+254700000009 address='12 Moi Avenue'")
        // An edit of a client the server has not seen yet is folded into its create entry.
        XCTAssertEqual(edit.stdout, "client edited \(client): saved offline, 1 pending\n")
        let reject = try expect("kyc reject \(client) reason='ID photo unreadable'")
        XCTAssertEqual(reject.stdout, "KYC rejected for client \(client): saved offline, 2 pending\n")
        var shown = try record("client show \(client)")
        XCTAssertEqual(shown["phone"], "+254700000009")
        XCTAssertEqual(shown["address"], "12 Moi Avenue")
        XCTAssertEqual(shown["kyc.status"], "rejected")
        XCTAssertEqual(shown["kyc.rejection_reason"], "ID photo unreadable")

        XCTAssertTrue(try sync().hasPrefix("sync done: pushed 2,"))
        shown = try record("client show 'Edit Me'")
        XCTAssertTrue(shown["id"]?.hasPrefix("cl_") == true && shown["id"]?.hasPrefix("cl_local_") == false, "\(shown)")
        XCTAssertEqual(shown["phone"], "+254700000009")
        XCTAssertEqual(shown["kyc.status"], "rejected", "the server agrees after the sync")
        XCTAssertEqual(shown["sync"], "up to date")

        let nothing = try expect("client edit \(client)", status: 2)
        XCTAssertTrue(nothing.stderr.contains("-c:1: error: client edit: nothing to change"), nothing.stderr)
        let again = try expect("kyc reject \(client) reason=twice", status: 1)
        XCTAssertTrue(again.stderr.contains("-c:1: error: kyc reject:"), again.stderr)
    }

    func testClientDeleteLocalAndOnTheServer() throws {
        let local = try addClient("Never", "Pushed")
        let gone = try expect("client delete \(local)")
        XCTAssertEqual(gone.stdout, "client \(local) deleted (it had never reached the server)\n")
        XCTAssertEqual(try fixture.pendingCount(), 0, "its outbox entry went with it")
        let other = try addClient("Also", "Local")
        XCTAssertEqual(try record("client delete \(other)"), ["id": other, "deleted": "local"], "--format json is JSON")

        _ = try addClient("Server", "Side")
        try sync()
        let id = try XCTUnwrap(try record("client show 'Server Side'")["id"])
        let deleted = try expect("client delete 'Server Side'")
        XCTAssertEqual(deleted.stdout, "client \(id) deleted on the server and purged from this laptop\n")
        XCTAssertEqual(try objects("client find 'Server Side'").count, 0)
        try sync()
        XCTAssertEqual(try objects("client find 'Server Side'").count, 0, "a sync does not bring it back")

        let (withLoan, _) = try pendingLoan("Has", "Loan")
        let refused = try expect("client delete \(withLoan)", status: 1)
        XCTAssertTrue(refused.stderr.contains("client \(withLoan) has loans; only a client without loans can be deleted"),
                      refused.stderr)
        let offline = try FincoreProcess.run(["--offline", "-c", "client delete \(id)"], environment: fixture.environment)
        XCTAssertNotEqual(offline.status, 0, "deleting a server client needs the server")
    }

    func testLoanListEditRejectWithdraw() throws {
        let (client, first) = try pendingLoan("Loan", "Lister")
        let second = try XCTUnwrap(AgentFixture.savedID(try expect(
            "loan apply \(client) principal=500 currency=KES interest_rate_bps=0 term_months=2").stdout))
        let third = try XCTUnwrap(AgentFixture.savedID(try expect(
            "loan apply \(client) principal=700 currency=KES interest_rate_bps=0 term_months=3").stdout))

        XCTAssertEqual(try expect("loan edit \(first) term_months=6 principal=15000.50").stdout,
                       "loan edited \(first): saved offline, 5 pending\n")
        XCTAssertEqual(try expect("loan reject \(second) reason='income too low'").stdout,
                       "loan rejected \(second): saved offline, 6 pending\n")
        XCTAssertEqual(try expect("loan withdraw \(third)").stdout, "loan withdrawn \(third): saved offline, 7 pending\n")
        let edited = try record("loan show \(first)")
        XCTAssertEqual(edited["term_months"], "6")
        XCTAssertEqual(edited["principal"], "15000.50")

        var rows = try objects("loan list client=\(client)")
        XCTAssertEqual(Set(rows.compactMap { $0["status"] as? String }), ["pending", "rejected", "withdrawn"])
        XCTAssertEqual(try objects("loan list client=\(client) status=rejected").compactMap { $0["id"] as? String }, [second])
        let table = try expect("loan list status=withdrawn")
        XCTAssertTrue(table.stdout.hasPrefix("id "), table.stdout)
        XCTAssertTrue(table.stdout.contains(third), table.stdout)

        try sync()
        rows = try objects("loan list client='Loan Lister'")
        XCTAssertEqual(rows.compactMap { $0["status"] as? String }.sorted(), ["pending", "rejected", "withdrawn"])
        XCTAssertTrue(rows.allSatisfy { ($0["id"] as? String)?.hasPrefix("ln_local_") == false }, "\(rows)")
        XCTAssertEqual(rows.first { $0["status"] as? String == "pending" }?["principal"] as? String, "15000.50")

        let illegal = try expect("loan withdraw \(second)", status: 1)
        XCTAssertTrue(illegal.stderr.contains("-c:1: error: loan withdraw:"), illegal.stderr)
        let noTerms = try expect("loan edit \(first)", status: 2)
        XCTAssertTrue(noTerms.stderr.contains("nothing to change"), noTerms.stderr)
    }

    func testWriteOffAndPaymentShowAndReverse() throws {
        let (_, loan) = try activeLoan("Pay", "Back")
        let balance = try XCTUnwrap(try record("loan show \(loan)")["balance"])
        let repay = try expect("repay \(loan) amount=1000 method=cash reference=R-77")
        let payment = try XCTUnwrap(AgentFixture.savedID(repay.stdout), repay.stdout)
        var shown = try record("payment show \(payment)")
        XCTAssertEqual(shown["amount"], "1000.00")
        XCTAssertEqual(shown["type"], "repayment")
        XCTAssertEqual(shown["reference"], "R-77")
        XCTAssertEqual(shown["sync"], "1 pending")
        try sync()
        let paymentID = try XCTUnwrap(try objects("payment list loan=\(loan)").first?["id"] as? String)
        shown = try record("payment show \(paymentID)")
        XCTAssertEqual(shown["status"], "succeeded")

        let reverse = try expect("payment reverse \(paymentID) reason='wrong loan'")
        XCTAssertEqual(reverse.stdout, "payment reversed \(paymentID): saved offline, 1 pending\n")
        try sync()
        XCTAssertEqual(try record("payment show \(paymentID)")["status"], "reversed")
        XCTAssertEqual(try record("loan show \(loan)")["balance"], balance, "the reversal restored the balance")

        let writeOff = try expect("loan write_off \(loan) reason='client emigrated'")
        XCTAssertTrue(writeOff.stdout.hasPrefix("loan written off "), writeOff.stdout)
        XCTAssertTrue(writeOff.stdout.hasSuffix(": saved offline, 1 pending\n"), writeOff.stdout)
        try sync()
        XCTAssertEqual(try record("loan show \(loan)")["status"], "written_off")
        let twice = try expect("payment reverse \(paymentID) reason=again", status: 1)
        XCTAssertTrue(twice.stderr.contains("-c:1: error: payment reverse:"), twice.stderr)
    }

    func testLinkShowAndCancel() throws {
        let (_, loan) = try activeLoan("Link", "Payer")
        let create = try expect("link create \(loan) amount=250.75")
        let link = try XCTUnwrap(AgentFixture.savedID(create.stdout), create.stdout)
        var shown = try record("link show \(link)")
        XCTAssertEqual(shown["amount"], "250.75")
        XCTAssertEqual(shown["status"], "active")
        XCTAssertEqual(shown["url"], "(given by the server after sync)")
        try sync()
        shown = try record("link show \(link)")
        XCTAssertTrue(shown["url"]?.hasPrefix("http") == true, "\(shown)")
        let serverID = try XCTUnwrap(shown["id"])
        XCTAssertFalse(serverID.hasPrefix("pl_local_"), serverID)

        XCTAssertEqual(try expect("link cancel \(serverID)").stdout,
                       "payment link canceled \(serverID): saved offline, 1 pending\n")
        XCTAssertEqual(try record("link show \(serverID)")["status"], "canceled")
        try sync()
        shown = try record("link show \(serverID)")
        XCTAssertEqual(shown["status"], "canceled")
        XCTAssertEqual(shown["sync"], "up to date")
        let again = try expect("link cancel \(serverID)", status: 1)
        XCTAssertTrue(again.stderr.contains("-c:1: error: link cancel:"), again.stderr)
    }
}
