import Foundation
import XCTest

/// Scripted runs of the commands that talk to the server: webhooks, reports, sync plan and log,
/// and going back online.
final class EveryCommandServerTests: EveryCommandTestCase {
    func testWebhookEditAndDelete() throws {
        let added = try expect("webhook add url=https://example.com/a events=loan.updated", format: "json")
        XCTAssertTrue(added.stderr.contains("signing secret (shown once"), added.stderr)
        let hook = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])?["id"]
            as? String, added.stdout)

        let edited = try record("webhook edit \(hook) url=https://example.com/b events=payment.created,loan.updated status=disabled")
        XCTAssertEqual(edited["url"], "https://example.com/b")
        XCTAssertEqual(edited["events"], "payment.created,loan.updated")
        XCTAssertEqual(edited["status"], "disabled")
        XCTAssertEqual(edited["version"], "2")
        XCTAssertEqual(try record("webhook show \(hook)")["url"], "https://example.com/b")
        XCTAssertFalse(try expect("webhook show \(hook)").stdout.contains("whsec"), "the secret is shown once only")

        let bad = try expect("webhook edit \(hook) status=sleeping", status: 2)
        XCTAssertTrue(bad.stderr.contains("status"), bad.stderr)
        XCTAssertEqual(try expect("webhook delete \(hook)").stdout, "webhook \(hook) deleted\n")
        XCTAssertEqual(try objects("webhook list").count, 0)
        let gone = try expect("webhook delete \(hook)", status: 1)
        XCTAssertTrue(gone.stderr.contains("-c:1: error: webhook delete:"), gone.stderr)
        let notAnID = try expect("webhook show cl_123", status: 1)
        XCTAssertTrue(notAnID.stderr.contains("'cl_123' is not a webhook id (wh_…)"), notAnID.stderr)
    }

    func testReportCollectionsAndExport() throws {
        let collections = try record("report collections")
        XCTAssertTrue(collections["report"]?.hasPrefix("rp_") == true, "\(collections)")
        XCTAssertNotNil(collections["as_of"], "\(collections)")
        // In table mode the lists are tables with amounts in decimals, not cells of raw JSON.
        let table = try expect("report collections").stdout
        XCTAssertTrue(table.contains("\noverdue: "), table)
        XCTAssertFalse(table.contains("{\""), "no raw JSON objects: \(table)")
        let header = try XCTUnwrap(table.split(separator: "\n").first { $0.hasPrefix("due_date ") }, table)
        XCTAssertTrue(header.contains("remaining"), String(header))
        XCTAssertNotNil(table.range(of: #"  [0-9,]+\.[0-9]{2}(  |\n)"#, options: .regularExpression), "KES in decimals: \(table)")
        let portfolio = try expect("report portfolio").stdout
        XCTAssertTrue(portfolio.contains("by_status.active.count:"), "nested members as dotted fields: \(portfolio)")
        XCTAssertFalse(portfolio.contains("{\""), portfolio)

        let export = try expect("report export clients")
        let lines = export.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 20, "the sandbox's 20 demo clients, one JSON object a line")
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            XCTAssertEqual(object?["object"] as? String, "client", String(line))
        }
        let loans = try expect("report export loans")
        XCTAssertTrue(loans.stdout.split(separator: "\n").allSatisfy { $0.contains("\"object\":\"loan\"") }, loans.stdout)
        // A word outside the closed list is a usage error, like any field value outside its enum.
        let bad = try expect("report export widgets", status: 2)
        XCTAssertTrue(bad.stderr.contains("-c:1: error: report export: invalid value 'widgets' for field 'RESOURCE': "
                                          + "expected one of clients, loans, payments"), bad.stderr)
        let near = try expect("report export loan", status: 2)
        XCTAssertTrue(near.stderr.contains("did you mean 'loans'?"), near.stderr)
    }

    func testSyncPlanThenSyncLog() throws {
        let empty = try expect("sync plan")
        XCTAssertTrue(empty.stdout.contains("0 to send, at least 4 requests; rate limit: "), "a pull page per resource: \(empty.stdout)")
        let (_, loan) = try activeLoan("Plan", "Ahead")
        try expect("repay \(loan) amount=10 method=cash")
        let plan = try csv("sync plan")
        XCTAssertEqual(plan.first, ["seq", "kind", "request", "money"])
        let steps = plan.dropFirst().filter { $0.count == 4 }
        XCTAssertEqual(steps.count, 6, "\(plan)")
        // In order of dependence: the client, its KYC, the loan and its steps, then the repayment.
        XCTAssertEqual(steps.map { $0[1] }, ["create_client", "verify_kyc", "apply_for_loan", "approve_loan",
                                            "disburse_loan", "repay"])
        XCTAssertEqual(steps.map { $0[3] }, ["no", "no", "no", "no", "yes", "yes"])
        XCTAssertTrue(steps.last?[2].hasPrefix("POST /v1/loans/ln_local_") == true, "\(plan)")
        XCTAssertTrue(steps.last?[2].hasSuffix("/repayments") == true, "\(plan)")
        let text = try expect("sync plan").stdout
        XCTAssertTrue(text.contains("6 to send, at least "), text)
        XCTAssertEqual(try fixture.pendingCount(), 6, "a plan sends nothing")

        XCTAssertTrue(try sync().hasPrefix("sync done: pushed 6,"))
        let log = try objects("sync log limit=50")
        XCTAssertFalse(log.isEmpty)
        XCTAssertEqual(log.first?["event"] as? String, "completed", "\(log)")
        XCTAssertEqual(log.first?["pushed"] as? Int, 6, "\(log)")
        XCTAssertEqual(try objects("sync log limit=1").count, 1)
    }

    func testOfflineOffGoesBackOnline() throws {
        let result = try FincoreProcess.run(["--offline", "-c", "offline off; webhook list; set"],
                                            environment: fixture.environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("offline off\n"), result.stdout)
        XCTAssertNotNil(result.stdout.range(of: "offline: +off", options: .regularExpression), result.stdout)
        let back = try expect("offline on; client add first_name=Back last_name=Again; offline off; sync")
        XCTAssertTrue(back.stdout.contains("sync done: pushed 1,"), back.stdout)
        let bad = try expect("offline maybe", status: 2)
        XCTAssertTrue(bad.stderr.contains("expected on or off"), bad.stderr)
    }
}

/// Against a server without the optional parts (`--no-optional`): reports are refused clearly.
final class EveryCommandNoReportsTests: EveryCommandTestCase {
    override var sandboxArguments: [String] { ["--no-optional"] }

    func testReportsAreRefusedClearly() throws {
        for command in ["report portfolio", "report collections", "report export clients"] {
            let result = try expect(command, status: 1)
            XCTAssertEqual(result.stdout, "")
            let name = command.hasPrefix("report export") ? "report export" : command
            XCTAssertTrue(result.stderr.contains("-c:1: error: \(name): this server has no reports "
                                                 + "(an optional part of the API)"), result.stderr)
            XCTAssertTrue(result.stderr.contains("hint: use the offline views instead: 'portfolio', 'due', 'overdue'"),
                          result.stderr)
        }
        try expect("sync; portfolio")
    }
}
