import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// Session state through scripts: exit statuses 4 and 6 from `sync`, JSON from `sync` and
/// `sync plan`, real connectivity in `status`, the kept `sync auto` setting, `set scope`, `due`.
final class SessionStateTests: XCTestCase {
    func testRateLimitedPastTheDeadlineExitsSix() throws {
        // Every request answered 429 with `Retry-After: 1`: the client's retries run out.
        let sandbox = try SandboxProcess(["--demo", "5", "--rate-window", "1", "--faults", "storm_429=1"])
        let result = try sandbox.run(["-c", "sync"])
        XCTAssertEqual(result.status, 6, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("sync stopped, rate limited past the deadline"), result.stdout)
        XCTAssertTrue(result.stderr.contains("error: sync"), result.stderr)
    }

    func testRepaymentRefusedAfterAnotherAgentsExitsFour() throws {
        let sandbox = try SandboxProcess(["--demo", "20", "--rate-window", "0"])
        let other = sandbox.home + "/other-agent"
        XCTAssertEqual(try sandbox.run(["-c", "sync"]).status, 0)
        let loans = try sandbox.run(["--format", "csv", "-c", "loan list status=active"])
        let row = try XCTUnwrap(loans.stdout.split(separator: "\n").dropFirst().first, loans.stdout)
        let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let (loan, balance) = (cells[0], cells[4])
        // This agent repays the whole balance offline; another agent's repayment reaches the server first.
        XCTAssertEqual(try sandbox.run(["-c", "repay \(loan) amount=\(balance) method=cash"]).status, 0)
        let theirs = try sandbox.run(["-c", "sync; repay \(loan) amount=1.00 method=cash; sync"], home: other)
        XCTAssertEqual(theirs.status, 0, theirs.stderr)

        let mine = try sandbox.run(["-c", "sync"])
        XCTAssertEqual(mine.status, 4, mine.stdout + mine.stderr)
        XCTAssertTrue(mine.stdout.contains("1 failed"), mine.stdout)
        // The entry stays failed until the user acts: a later sync still says it needs attention.
        XCTAssertEqual(try sandbox.run(["-c", "sync"]).status, 4)
    }

    func testSyncAndPlanFollowTheFormat() throws {
        let sandbox = try SandboxProcess(["--demo", "5", "--rate-window", "0"])
        let first = try sandbox.run(["--format", "json", "-c", "sync"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let summary = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(summary["outcome"] as? String, "completed")
        XCTAssertGreaterThan(summary["pulled"] as? Int ?? 0, 0)
        for key in ["pushed", "deleted", "conflicts", "failures", "rate_limited", "unpushed"] {
            XCTAssertEqual(summary[key] as? Int, 0, key)
        }
        XCTAssertGreaterThan(summary["requests"] as? Int ?? 0, 0)

        let added = try sandbox.run(["-c", "client add first_name=Plan last_name=One; client add first_name=Plan last_name=Two"])
        XCTAssertEqual(added.status, 0, added.stderr)
        let plan = try sandbox.run(["--format", "json", "-c", "sync plan"])
        XCTAssertEqual(plan.status, 0, plan.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any],
                                   plan.stdout)
        let steps = try XCTUnwrap(object["steps"] as? [[String: Any]])
        XCTAssertEqual(steps.map { $0["seq"] as? Int }, [1, 2])
        XCTAssertEqual(steps.map { $0["request"] as? String }, ["POST /v1/clients", "POST /v1/clients"])
        XCTAssertEqual(object["to_send"] as? Int, 2)
        XCTAssertEqual(object["minimum_requests"] as? Int, 2 + 4, "one per step and a page of each resource")
        XCTAssertNotNil(object["estimated_wait_ms"] as? Int)

        let lines = try sandbox.run(["--format", "ndjson", "-c", "sync plan; sync"])
        XCTAssertEqual(lines.status, 0, lines.stderr)
        let decoded = try lines.stdout.split(separator: "\n").map {
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        XCTAssertEqual(decoded.count, 2, lines.stdout)
        XCTAssertEqual(decoded.last?["pushed"] as? Int, 2)

        let csv = try sandbox.run(["--format", "csv", "-c", "sync"])
        XCTAssertEqual(csv.stdout.split(separator: "\n").first,
                       "outcome,pushed,pulled,deleted,conflicts,failures,requests,rate_limited,unpushed")
    }

    func testUnreachableServerShowsInStatus() throws {
        let home = NSTemporaryDirectory() + "fincore-unreachable-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        let env = ["FINCORE_HOME": home, "FINCORE_API_URL": "http://127.0.0.1:9/v1/", "FINCORE_API_KEY": "sk_test_x"]
        let result = try FincoreProcess.run(["--keep-going", "-c", "status; sync; status"], environment: env)
        XCTAssertEqual(result.status, 3, result.stderr)
        let states = result.stdout.split(separator: "\n").filter { $0.hasPrefix("state:") }
        XCTAssertEqual(states.count, 2, result.stdout)
        XCTAssertEqual(states.first, "state:     not checked yet (no sync this session)")
        XCTAssertTrue(states.last?.hasPrefix("state:     offline: server unreachable since 20") ?? false, result.stdout)

        let chosen = try FincoreProcess.run(["--offline", "-c", "status"], environment: env)
        XCTAssertTrue(chosen.stdout.contains("state:     offline by choice"), chosen.stdout)
    }

    func testSyncAutoOffIsKeptForTheReplicaAndShownBySet() throws {
        let sandbox = try SandboxProcess(["--demo", "2", "--rate-window", "0"])
        XCTAssertTrue(try sandbox.run(["-c", "set"]).stdout.contains("auto_sync: on"))
        let off = try sandbox.run(["-c", "sync auto off; set"])
        XCTAssertEqual(off.status, 0, off.stderr)
        XCTAssertTrue(off.stdout.contains("background sync off"), off.stdout)
        // A new session on the same replica starts with it off.
        let later = try sandbox.run(["--format", "csv", "-c", "set; status"])
        XCTAssertTrue(later.stdout.contains("format,offline,auto_sync,scope,server\ncsv,off,off,all,"), later.stdout)
        XCTAssertTrue(later.stdout.contains(",off,all,"), later.stdout)
        XCTAssertEqual(try sandbox.run(["-c", "sync auto on"]).status, 0)
        XCTAssertTrue(try sandbox.run(["-c", "set"]).stdout.contains("auto_sync: on"))
    }

    func testBranchScopeKeepsOnlyThatBranchsClients() throws {
        let sandbox = try SandboxProcess(["--demo", "40", "--rate-window", "0"])
        XCTAssertEqual(try sandbox.run(["-c", "sync"]).status, 0)
        let everyone = try serverClients(sandbox, query: "")
        let nairobi = try serverClients(sandbox, query: "&branch_id=br_nairobi")
        XCTAssertEqual(try replicaClients(sandbox), everyone)
        XCTAssertFalse(nairobi.isEmpty)
        XCTAssertLessThan(nairobi.count, everyone.count, "the demo should span branches")

        let set = try sandbox.run(["-c", "set scope branch=br_nairobi; set; status"])
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertTrue(set.stdout.contains("scope branch=br_nairobi: the next sync applies it"), set.stdout)
        XCTAssertTrue(set.stdout.contains("scope:     branch=br_nairobi"), set.stdout)
        let synced = try sandbox.run(["-c", "sync"])
        XCTAssertEqual(synced.status, 0, synced.stderr)
        let kept = try replicaClients(sandbox)
        XCTAssertEqual(kept, nairobi)
        // Loans of other branches left with their clients.
        let loans = try sandbox.run(["--format", "csv", "-c", "loan list"])
        XCTAssertGreaterThan(loans.stdout.split(separator: "\n").count, 1, loans.stdout)
        for row in loans.stdout.split(separator: "\n").dropFirst() {
            XCTAssertTrue(kept.contains(String(row.split(separator: ",")[1])), String(row))
        }

        XCTAssertEqual(try sandbox.run(["-c", "set scope all; sync"]).status, 0)
        XCTAssertEqual(try replicaClients(sandbox), everyone)
        XCTAssertEqual(try sandbox.run(["-c", "set scope branch=x officer=y"]).status, 2)
    }

    func testDueCountsLatenessToToday() throws {
        let sandbox = try SandboxProcess(["--demo", "20", "--rate-window", "0"])
        XCTAssertEqual(try sandbox.run(["-c", "sync"]).status, 0)
        let today = Self.civilToday()
        let from = Calendar.utc.date(byAdding: .day, value: -10, to: today) ?? today
        let to = Calendar.utc.date(byAdding: .day, value: 40, to: today) ?? today
        let due = try sandbox.run(["--format", "csv", "-c", "due \(Self.text(from))..\(Self.text(to))"])
        XCTAssertEqual(due.status, 0, due.stderr)
        let rows = due.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        XCTAssertFalse(rows.filter { $0[0] > Self.text(today) }.isEmpty, "no instalment ahead: \(due.stdout)")
        for row in rows {
            let day = try XCTUnwrap(Self.date(row[0]))
            let late = max(0, Calendar.utc.dateComponents([.day], from: day, to: today).day ?? 0)
            XCTAssertEqual(row.last, String(late), "due \(row[0]), today \(Self.text(today))")
        }
        // `due week` starts today: nothing in it is late yet.
        let week = try sandbox.run(["--format", "csv", "-c", "due week"])
        for row in week.stdout.split(separator: "\n").dropFirst() {
            XCTAssertEqual(row.split(separator: ",").last, "0", String(row))
        }
    }

    /// The ids of the clients in the replica.
    private func replicaClients(_ sandbox: SandboxProcess) throws -> Set<String> {
        let result = try sandbox.run(["--format", "csv", "-c", "client list"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return Set(result.stdout.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) })
    }

    /// The ids of the clients the server lists (loopback GET, the demo key).
    private func serverClients(_ sandbox: SandboxProcess, query: String) throws -> Set<String> {
        var ids = Set<String>()
        var offset = 0
        while true {
            let url = try XCTUnwrap(URL(string: sandbox.url + "clients?limit=100&offset=\(offset)" + query))
            var request = URLRequest(url: url)
            request.setValue("Bearer sk_test_fincore_demo", forHTTPHeaderField: "Authorization")
            nonisolated(unsafe) var body = Data()
            let done = DispatchSemaphore(value: 0)
            URLSession.shared.dataTask(with: request) { data, _, _ in
                body = data ?? Data()
                done.signal()
            }.resume()
            done.wait()
            let page = try XCTUnwrap(try JSONSerialization.jsonObject(with: body) as? [String: Any])
            let data = try XCTUnwrap(page["data"] as? [[String: Any]])
            ids.formUnion(data.compactMap { $0["id"] as? String })
            offset += data.count
            if data.count < 100 { return ids }
        }
    }

    static func civilToday() -> Date {
        Calendar.utc.startOfDay(for: Date())
    }

    static func text(_ date: Date) -> String {
        let parts = Calendar.utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    static func date(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return Calendar.utc.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }
}

private extension Calendar {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()
}
