import FincoreModel
import Foundation
import HTTP
@testable import SandboxServer
import XCTest

final class ReportTests: XCTestCase {
    let today = CivilDate(Timestamp.now())

    func testPortfolioIsPendingThenCompletedWithExactFigures() async throws {
        let sandbox = try await SandboxHarness()
        try await seedLoans(sandbox)
        let created = try await sandbox.call("POST", "reports", json: ["type": "portfolio"])
        XCTAssertEqual(created.status, 202, String(decoding: created.body, as: UTF8.self))
        XCTAssertTrue(created.id.hasPrefix("rp_"))
        XCTAssertEqual(created.json["object"] as? String, "report")
        XCTAssertEqual(created.json["status"] as? String, "pending")
        XCTAssertTrue(created.json["result"] is NSNull)

        let result = try await completed(sandbox, created.id)
        XCTAssertEqual(result["loan_count"] as? Int, 6)
        XCTAssertTrue(result["url"] is NSNull)
        let asOf = try XCTUnwrap(Timestamp(result["as_of"] as? String ?? ""))
        XCTAssertLessThanOrEqual(asOf, Timestamp.now())
        let currencies = try XCTUnwrap(result["currencies"] as? [[String: Any]])
        XCTAssertEqual(currencies.map { $0["currency"] as? String }, ["KES", "UGX"])
        let kes = currencies[0]
        XCTAssertEqual(kes["loan_count"] as? Int, 5)
        XCTAssertEqual(kes["outstanding_balance"] as? Int, 230_000)
        XCTAssertEqual(kes["par30_balance"] as? Int, 180_000)
        XCTAssertEqual(kes["par30_loans"] as? Int, 2)
        XCTAssertEqual(kes["par30_ratio_bps"] as? Int, 7826)
        let byStatus = try XCTUnwrap(kes["by_status"] as? [String: [String: Int]])
        XCTAssertEqual(byStatus["active"], ["count": 3, "principal": 270_000, "balance": 230_000])
        XCTAssertEqual(byStatus["pending"], ["count": 1, "principal": 30_000, "balance": 0])
        XCTAssertEqual(byStatus["closed"], ["count": 1, "principal": 60_000, "balance": 0])
        XCTAssertEqual(byStatus["written_off"], ["count": 0, "principal": 0, "balance": 0])
        XCTAssertEqual(byStatus.count, LoanStatus.allCases.count)
        let ugx = currencies[1]
        XCTAssertEqual(ugx["outstanding_balance"] as? Int, 7_000)
        XCTAssertEqual(ugx["par30_balance"] as? Int, 0)
        XCTAssertEqual(ugx["par30_ratio_bps"] as? Int, 0)

        let scoped = try await sandbox.call("POST", "reports", json: ["type": "portfolio", "params": ["branch_id": "br_1"]])
        let branch = try await completed(sandbox, scoped.id)
        let branchKES = try XCTUnwrap((branch["currencies"] as? [[String: Any]])?.first)
        XCTAssertEqual(branchKES["outstanding_balance"] as? Int, 150_000)
        XCTAssertEqual(branchKES["par30_balance"] as? Int, 100_000)
        XCTAssertEqual(branchKES["par30_ratio_bps"] as? Int, 6666)
        await sandbox.stop()
    }

    func testCollectionsListsDueAndOverdueInstalmentsWithTheBorrower() async throws {
        let sandbox = try await SandboxHarness()
        let (amina, _) = try await seedLoans(sandbox)
        let created = try await sandbox.call("POST", "reports", json: ["type": "collections"])
        XCTAssertEqual(created.status, 202)
        XCTAssertEqual(created.json["params"] as? [String: NSNull],
                       ["resource": NSNull(), "branch_id": NSNull(), "officer_id": NSNull(), "from": NSNull(), "to": NSNull()])
        let result = try await completed(sandbox, created.id)
        XCTAssertEqual(result["from"] as? String, today.description)
        XCTAssertEqual(result["to"] as? String, today.description)
        let due = try XCTUnwrap(result["due"] as? [[String: Any]])
        XCTAssertEqual(due.map(summary), ["\(today.adding(days: 0)) 25000/25000 0d"])
        XCTAssertEqual(due.first?["client_name"] as? String, "Amina Otieno")
        XCTAssertEqual(due.first?["phone"] as? String, "+254712345678")
        XCTAssertEqual(due.first?["client_id"] as? String, amina.id.rawValue)
        XCTAssertEqual(due.first?["instalment"] as? Int, 2)
        let overdue = try XCTUnwrap(result["overdue"] as? [[String: Any]])
        XCTAssertEqual(overdue.map(summary), [
            "\(today.adding(days: -45)) 20000/40000 45d", "\(today.adding(days: -31)) 40000/40000 31d",
            "\(today.adding(days: -10)) 15000/25000 10d",
        ])
        XCTAssertEqual(overdue[1]["client_name"] as? String, "Baraka Mwangi")

        let window = try await sandbox.call("POST", "reports", json: ["type": "collections", "params": [
            "branch_id": "br_1", "from": today.adding(days: -10).description, "to": today.adding(days: 5).description]])
        XCTAssertEqual(window.status, 202)
        let windowed = try await completed(sandbox, window.id)
        XCTAssertEqual((windowed["due"] as? [[String: Any]])?.map(summary), [
            "\(today.adding(days: -10)) 15000/25000 10d", "\(today) 25000/25000 0d",
            "\(today.adding(days: 5)) 4500/4500 0d",
        ])
        XCTAssertEqual((windowed["overdue"] as? [[String: Any]])?.map(summary), ["\(today.adding(days: -45)) 20000/40000 45d"])
        await sandbox.stop()
    }

    func testExportLinesAreTheObjectsAsOfCompletion() async throws {
        let sandbox = try await SandboxHarness()
        let first = try await sandbox.makeClient()
        _ = try await sandbox.makeClient(["branch_id": "br_2"])
        let third = try await sandbox.makeClient(["first_name": "Zawadi"])
        let created = try await sandbox.call("POST", "reports",
                                             json: ["type": "export", "params": ["resource": "clients", "branch_id": "br_1"]])
        XCTAssertEqual(created.status, 202)
        let result = try await completed(sandbox, created.id)
        XCTAssertEqual(result["url"] as? String, "/v1/reports/\(created.id)/download")
        XCTAssertEqual(result["count"] as? Int, 2)
        XCTAssertEqual(result["resource"] as? String, "clients")
        let asOf = try XCTUnwrap(Timestamp(result["as_of"] as? String ?? ""))
        XCTAssertLessThanOrEqual(asOf, Timestamp.now())

        let download = try await sandbox.call("GET", try XCTUnwrap(result["url"] as? String))
        XCTAssertEqual(download.status, 200)
        var expected = Data()
        for id in [first["id"], third["id"]].compactMap({ $0 as? String }) {
            let shown = try await sandbox.call("GET", "clients/\(id)")
            expected.append(shown.body)
            expected.append(UInt8(ascii: "\n"))
        }
        XCTAssertEqual(String(decoding: download.body, as: UTF8.self), String(decoding: expected, as: UTF8.self))

        // A later change is not in the snapshot: it is read with updated_since ≥ as_of.
        let patched = try await sandbox.call("PATCH", "clients/\(third["id"] as? String ?? "")", json: ["last_name": "K"])
        XCTAssertEqual(patched.status, 200)
        XCTAssertGreaterThan(try XCTUnwrap(Timestamp(patched.json["updated_at"] as? String ?? "")), asOf)
        let again = try await sandbox.call("GET", "reports/\(created.id)/download")
        XCTAssertEqual(again.body, download.body)

        // The same bytes, streamed in small chunks (ready for a streaming pipeline).
        let producer = ReportDownload(store: sandbox.server.store, reportID: created.id, chunkBytes: 7).producer()
        var streamed = Data()
        var chunks = 0
        while let chunk = try await producer() {
            XCTAssertLessThanOrEqual(chunk.count, 7)
            streamed.append(chunk)
            chunks += 1
        }
        XCTAssertEqual(streamed, download.body)
        XCTAssertEqual(chunks, (download.body.count + 6) / 7)
        await sandbox.stop()
    }

    func testRefusalsNameTheFieldAndTheState() async throws {
        let sandbox = try await SandboxHarness()
        let cases: [([String: Any], [String])] = [
            (["type": "export"], ["params.resource"]),
            (["type": "weekly"], ["type"]),
            (["type": "export", "params": ["resource": "goats"]], ["params.resource"]),
            (["type": "portfolio", "params": ["from": "2026-01-01"]], ["params.from"]),
            (["type": "collections", "params": ["from": "2026-13-01"]], ["params.from"]),
            (["type": "collections", "params": ["from": "2026-02-01", "to": "2026-01-31"]], ["params.to"]),
            (["type": "portfolio", "status": "completed"], ["status"]),
        ]
        for (body, fields) in cases {
            let answer = try await sandbox.call("POST", "reports", json: body)
            XCTAssertEqual(answer.status, 400, "\(body)")
            XCTAssertEqual(answer.errorCode, "invalid_request")
            XCTAssertEqual(answer.errorFields, fields, "\(body)")
        }
        let missing = try await sandbox.call("GET", "reports/rp_nope")
        XCTAssertEqual(missing.status, 404)
        let list = try await sandbox.call("GET", "reports")
        XCTAssertEqual(list.status, 405)
        XCTAssertEqual(list.errorCode, "method_not_allowed")
        XCTAssertNotNil(list.header("Allow"), "a 405 lists the methods the route has")

        let portfolio = try await sandbox.call("POST", "reports", json: ["type": "portfolio"])
        _ = try await completed(sandbox, portfolio.id)
        let noDownload = try await sandbox.call("GET", "reports/\(portfolio.id)/download")
        XCTAssertEqual(noDownload.status, 404)

        // A report requested "in an hour" stays pending: its download is not there yet.
        let later = try await sandbox.server.store.write(now: Timestamp.now().adding(seconds: 3600)) { tx in
            let id = ReportID.generate()
            try tx.insertReport(id: id, doc: try tx.encode(Report(id: id, type: .export, params: .init(resource: .loans))))
            return id.rawValue
        }
        let pending = try await sandbox.call("GET", "reports/\(later)/download")
        XCTAssertEqual(pending.status, 409)
        XCTAssertEqual(pending.errorCode, "invalid_state")
        await sandbox.stop()
    }

    func testAnOverflowFailsTheReportNotTheRequest() async throws {
        let sandbox = try await SandboxHarness()
        try await sandbox.server.store.write(now: .now()) { tx in
            let client = Self.client(tx.now, "Amina", "Otieno", branch: "br_1")
            _ = try tx.insert(client)
            for _ in 0..<2 {
                _ = try tx.insert(try Self.loan(client, tx.now, .active, principal: .max / 2 + 1, balance: .max / 2 + 1, []))
            }
        }
        let created = try await sandbox.call("POST", "reports", json: ["type": "portfolio"])
        let failed = try await eventually {
            try await sandbox.call("GET", "reports/\(created.id)").json["status"] as? String == "failed"
        }
        XCTAssertTrue(failed)
        let shown = try await sandbox.call("GET", "reports/\(created.id)")
        XCTAssertEqual(shown.status, 200)
        XCTAssertTrue(shown.json["result"] is NSNull)
        await sandbox.stop()
    }

    func testWithoutOptionalFeaturesReportsAreNotFound() async throws {
        let sandbox = try await SandboxHarness { $0.optionalFeatures = false }
        for (method, path) in [("POST", "reports"), ("GET", "reports/rp_x"), ("GET", "reports/rp_x/download")] {
            let answer = try await sandbox.call(method, path, json: method == "POST" ? ["type": "portfolio"] : nil)
            XCTAssertEqual(answer.status, 404, path)
            XCTAssertEqual(answer.errorCode, "not_found")
        }
        let webhooks = try await sandbox.call("GET", "webhooks")
        XCTAssertEqual(webhooks.status, 200, "webhooks are not optional")
        await sandbox.stop()
    }

    func testReportsHaveTheirOwnBucketOfTen() async throws {
        let sandbox = try await SandboxHarness { $0.rateWindowSeconds = 5 }
        let created = try await sandbox.call("POST", "reports", json: ["type": "portfolio"])
        XCTAssertEqual(created.status, 202)
        XCTAssertEqual(created.header("X-RateLimit-Limit"), "10")
        XCTAssertEqual(created.header("X-RateLimit-Remaining"), "9")
        for remaining in (0...8).reversed() {
            let path = remaining % 2 == 0 ? "reports/\(created.id)" : "reports/\(created.id)/download"
            let answer = try await sandbox.call("GET", path)
            XCTAssertNotEqual(answer.status, 429)
            XCTAssertEqual(answer.header("X-RateLimit-Remaining"), "\(remaining)")
        }
        let limited = try await sandbox.call("GET", "reports/\(created.id)")
        XCTAssertEqual(limited.status, 429)
        XCTAssertEqual(limited.errorCode, "rate_limited")
        XCTAssertEqual(limited.header("X-RateLimit-Remaining"), "0")
        XCTAssertNotNil(Int(limited.header("Retry-After") ?? ""))
        let clients = try await sandbox.call("GET", "clients")
        XCTAssertEqual(clients.status, 200)
        XCTAssertEqual(clients.header("X-RateLimit-Limit"), "100")
        XCTAssertEqual(clients.header("X-RateLimit-Remaining"), "99")
        await sandbox.stop()
    }

    // MARK: Fixtures

    /// `due_date remaining/amount_due Nd` of a collections line.
    private func summary(_ line: [String: Any]) -> String {
        "\(line["due_date"] as? String ?? "") \(line["remaining"] as? Int ?? -1)/\(line["amount_due"] as? Int ?? -1) "
            + "\(line["days_past_due"] as? Int ?? -1)d"
    }

    /// Polls a report until it is completed and returns its `result`.
    private func completed(_ sandbox: SandboxHarness, _ id: String) async throws -> [String: Any] {
        var answer = try await sandbox.call("GET", "reports/\(id)")
        let deadline = Date().addingTimeInterval(10)
        while answer.json["status"] as? String == "pending", Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
            answer = try await sandbox.call("GET", "reports/\(id)")
        }
        XCTAssertEqual(answer.json["status"] as? String, "completed", String(decoding: answer.body, as: UTF8.self))
        return try XCTUnwrap(answer.json["result"] as? [String: Any])
    }

    /// Two borrowers and six loans stored directly (loan endpoints are another change's), with
    /// instalments placed around today so every figure is known.
    @discardableResult
    private func seedLoans(_ sandbox: SandboxHarness) async throws -> (Client, Client) {
        let today = self.today
        return try await sandbox.server.store.write(now: .now()) { tx in
            let amina = Self.client(tx.now, "Amina", "Otieno", branch: "br_1")
            let baraka = Self.client(tx.now, "Baraka", "Mwangi", branch: "br_2")
            _ = try tx.insert(amina)
            _ = try tx.insert(baraka)
            let loans = [
                try Self.loan(amina, tx.now, .active, principal: 120_000, balance: 100_000,
                          [(today.adding(days: -45), 40_000, 20_000), (today.adding(days: 15), 40_000, 0)]),
                try Self.loan(amina, tx.now, .active, principal: 60_000, balance: 50_000,
                          [(today.adding(days: -10), 25_000, 10_000), (today, 25_000, 0), (today.adding(days: 20), 10_000, 0)]),
                try Self.loan(amina, tx.now, .pending, principal: 30_000, balance: 0, []),
                try Self.loan(amina, tx.now, .closed, principal: 60_000, balance: 0, [(today.adding(days: -60), 60_000, 60_000)]),
                try Self.loan(amina, tx.now, .active, principal: 9_000, balance: 7_000, currency: "UGX",
                          [(today.adding(days: -40), 4_500, 4_500), (today.adding(days: 5), 4_500, 0)]),
                try Self.loan(baraka, tx.now, .active, principal: 90_000, balance: 80_000,
                          [(today.adding(days: -31), 40_000, 0), (today.adding(days: 29), 40_000, 0)]),
            ]
            for loan in loans { _ = try tx.insert(loan) }
            return (amina, baraka)
        }
    }

    private static func client(_ at: Timestamp, _ first: String, _ last: String, branch: String) -> Client {
        Client(id: .generate(), createdAt: at, updatedAt: at, firstName: first, lastName: last,
               phone: "+254712345678", branchID: branch, officerID: "of_1")
    }

    private static func loan(_ client: Client, _ at: Timestamp, _ status: LoanStatus, principal: Int64, balance: Int64,
                             currency: String = "KES", _ schedule: [(CivilDate, Int64, Int64)]) throws -> Loan {
        Loan(id: .generate(), createdAt: at, updatedAt: at, clientID: client.id, principal: principal,
             currency: try XCTUnwrap(Currency(code: currency)), interestRateBps: 0,
             termMonths: max(1, schedule.count), branchID: client.branchID, officerID: client.officerID,
             status: status, balance: balance,
             schedule: schedule.map { Instalment(dueDate: $0.0, principalDue: $0.1, interestDue: 0, paid: $0.2) })
    }
}
