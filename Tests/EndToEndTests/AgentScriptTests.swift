import Foundation
import XCTest

/// Scripted runs of the agent's commands: output, exit statuses, FILE:LINE errors, --atomic.
final class AgentScriptTests: XCTestCase {
    var fixture: AgentFixture!

    override func setUpWithError() throws {
        fixture = try AgentFixture()
    }

    override func tearDown() {
        fixture = nil
    }

    /// Registers a verified client with an active loan; returns (client, loan) ids.
    func makeActiveLoan() throws -> (String, String) {
        let add = try fixture.script("client add first_name=Amina last_name=Otieno phone=+254712345678 "
            + "kyc.id_type=national_id kyc.id_number=KYC-SECRET-77")
        XCTAssertEqual(add.status, 0, add.stderr)
        let client = try XCTUnwrap(AgentFixture.savedID(add.stdout), add.stdout)
        XCTAssertTrue(add.stdout.contains("saved offline, 1 pending"), add.stdout)
        let apply = try fixture.script("kyc verify \(client); loan apply \(client) principal=12000 currency=KES "
            + "interest_rate_bps=1200 term_months=12")
        XCTAssertEqual(apply.status, 0, apply.stderr)
        let loan = try XCTUnwrap(AgentFixture.savedID(apply.stdout))
        let run = try fixture.script("loan approve \(loan); loan disburse \(loan) method=cash")
        XCTAssertEqual(run.status, 0, run.stderr)
        return (client, loan)
    }

    func testADaysWorkEndToEnd() throws {
        let (client, loan) = try makeActiveLoan()
        let repay = try fixture.script("repay \(loan) amount=1000.50 method=cash reference=R-1")
        XCTAssertEqual(repay.status, 0, repay.stderr)
        XCTAssertTrue(repay.stdout.contains("repayment of 1000.50 KES recorded as py_local_"), repay.stdout)
        XCTAssertTrue(repay.stdout.contains("saved offline, 6 pending"), repay.stdout)

        let show = try fixture.script("loan show \(loan)")
        XCTAssertTrue(show.stdout.contains("status:            active"), show.stdout)
        let cash = try fixture.run(["--format", "csv", "-c", "cash"])
        XCTAssertTrue(cash.stdout.contains("KES,cash,1,1000.50,0.00,0.00,1000.50"), cash.stdout)
        let byName = try fixture.script("client show 'Amina Otieno'; history \(client); due; overdue; portfolio; status")
        XCTAssertEqual(byName.status, 0, byName.stderr)
        XCTAssertTrue(byName.stdout.contains("kyc.status:           verified"), byName.stdout)
        XCTAssertFalse(byName.stdout.contains("KYC-SECRET-77"), "the KYC number must never be shown")
        let payment = try fixture.run(["--format", "json", "-c", "payment list loan=\(loan)"])
        XCTAssertTrue(payment.stdout.hasPrefix("["), payment.stdout)
        XCTAssertTrue(payment.stdout.contains("\"amount\":\"1000.50\""), payment.stdout)
        let link = try fixture.script("link create \(loan) amount=500; link list")
        XCTAssertEqual(link.status, 0, link.stderr)
        XCTAssertTrue(link.stdout.contains("payment link created pl_local_"), link.stdout)
    }

    func testEveryFormatRendersLists() throws {
        for (format, prefix) in [("table", "id"), ("csv", "id,name"), ("json", "["), ("ndjson", "\"name\":\"X Y\"")] {
            let result = try fixture.run(["--format", format, "-c", "client add first_name=X last_name=Y; client list"])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains(prefix), "\(format): \(result.stdout)")
        }
        let bad = try fixture.run(["--format", "xml", "-c", "status"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("invalid value 'xml' for '--format'"), bad.stderr)
    }

    func testFirstFailureStopsWithFileAndLine() throws {
        let path = fixture.home + "/day.fc"
        try "# comment\n\nstatus\nloan aprove ln_x\nstatus\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try fixture.run(["-f", path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("\(path):4: error: unknown command 'loan aprove'; did you mean 'loan approve'?"),
                      result.stderr)
        XCTAssertEqual(result.stdout.components(separatedBy: "server:").count - 1, 1, "stopped after line 4")
        let going = try fixture.run(["--keep-going", "-f", path])
        XCTAssertEqual(going.status, 2)
        XCTAssertEqual(going.stdout.components(separatedBy: "server:").count - 1, 2, "went on after line 4")
    }

    func testPipedStdinIsAScript() throws {
        let result = try fixture.run([], stdin: "status\nfrobnicate\n")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("<stdin>:2: error: unknown command 'frobnicate'"), result.stderr)
        XCTAssertFalse(result.stdout.contains("fincore ["), "no prompt in a script")
        XCTAssertFalse(result.stdout.contains("\u{1B}["), "no colour in a script")
    }

    func testAtomicSavesAllOrNothing() throws {
        let before = try fixture.pendingCount()
        let failing = try fixture.run(["--atomic", "-c",
                                       "client add first_name=Ann last_name=One; client add first_name=Bob last_name=Two; "
                                       + "client add first_name=Cy last_name=Three phone=12"])
        XCTAssertEqual(failing.status, 1, failing.stderr)
        XCTAssertTrue(failing.stderr.contains("-c:1: error: client add: phone"), failing.stderr)
        XCTAssertTrue(failing.stderr.contains("--atomic: nothing was saved"), failing.stderr)
        XCTAssertEqual(try fixture.pendingCount(), before)

        // A later line may depend on an earlier one: the check pass runs on a scratch copy.
        let passing = try fixture.run(["--atomic", "-c",
                                       "client add first_name=Dee last_name=Four; "
                                       + "loan apply 'Dee Four' principal=100 currency=KES interest_rate_bps=0 term_months=1"])
        XCTAssertEqual(passing.status, 0, passing.stderr)
        XCTAssertEqual(try fixture.pendingCount(), before + 2)
    }

    func testOfflineEditsExitThreeAndServerCommandsAreRefused() throws {
        let edit = try fixture.run(["--offline", "-c", "client add first_name=Off last_name=Line"])
        XCTAssertEqual(edit.status, 3, edit.stderr)
        let hook = try fixture.run(["--offline", "-c", "webhook list"])
        XCTAssertEqual(hook.status, 3)
        XCTAssertTrue(hook.stderr.contains("webhook list: needs the server, and this session is offline"), hook.stderr)
    }

    func testSessionCommands() throws {
        let result = try fixture.script("set format csv; set; offline on; status; help loan approve; quit; status")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("format,offline,auto_sync,scope,server"), result.stdout)
        XCTAssertTrue(result.stdout.contains("loan approve LOAN"), result.stdout)
        let sync = try fixture.script("client add first_name=Juma last_name=Kibet; sync; outbox")
        XCTAssertEqual(sync.status, 0, sync.stderr)
        XCTAssertTrue(sync.stdout.contains("sync done: pushed 1,"), sync.stdout)
        let offline = try fixture.run(["--offline", "-c", "sync"])
        XCTAssertEqual(offline.status, 3, "syncing while offline is refused as offline")
    }

    func testWebhooksAndReportsOnline() throws {
        let add = try fixture.script("webhook add url=https://example.com/hook events=loan.updated,payment.created")
        XCTAssertEqual(add.status, 0, add.stderr)
        XCTAssertTrue(add.stderr.contains("signing secret (shown once"), add.stderr)
        let list = try fixture.script("webhook list")
        XCTAssertTrue(list.stdout.contains("https://example.com/hook"), list.stdout)
        let report = try fixture.script("report portfolio")
        XCTAssertEqual(report.status, 0, report.stderr)
    }

    func testApproveWithPendingKYCExplainsTheNextStep() throws {
        let add = try fixture.script("client add first_name=Kyc last_name=Pending kyc.id_type=passport kyc.id_number=A1")
        let client = try XCTUnwrap(AgentFixture.savedID(add.stdout))
        let apply = try fixture.script("loan apply \(client) principal=100 currency=KES interest_rate_bps=0 term_months=1")
        let loan = try XCTUnwrap(AgentFixture.savedID(apply.stdout))
        let approve = try fixture.script("loan approve \(loan)")
        XCTAssertEqual(approve.status, 1)
        XCTAssertEqual(approve.stderr, "-c:1: error: loan approve: client \(client) KYC is pending\n"
            + "hint: run 'kyc verify \(client)' first\n")
    }
}
