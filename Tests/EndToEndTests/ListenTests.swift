import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTP
import SQLite
import XCTest

/// `fincore listen` against the sandbox over loopback: signed events applied at once, everything
/// else refused with the right status, and a replica fed by events and pulls equal to the server.
final class ListenTests: XCTestCase {
    /// `table`'s server copies in the replica as `id → version` (read-only, beside the running agent).
    private func replicaVersions(_ fixture: AgentFixture, _ table: String) throws -> [String: Int] {
        let queue = try DatabaseQueue(path: try fixture.replicaDirectory() + "/replica.sqlite",
                                      configuration: Database.Configuration(readOnly: true))
        return try queue.read { db in
            var result: [String: Int] = [:]
            for row in try db.fetchAll(sql: "SELECT id, version FROM \(table) WHERE server_json IS NOT NULL") {
                result[try row.decode(String.self, column: "id")] = try row.decode(Int.self, column: "version")
            }
            return result
        }
    }

    private func clientRow(_ fixture: AgentFixture, _ id: String) throws -> (lastName: String, version: Int)? {
        let queue = try DatabaseQueue(path: try fixture.replicaDirectory() + "/replica.sqlite",
                                      configuration: Database.Configuration(readOnly: true))
        return try queue.read { db in
            try db.fetchAll(sql: "SELECT last_name, version FROM clients WHERE id = ?", arguments: [id]).first.map {
                (try $0.decode(String.self, column: "last_name"), try $0.decode(Int.self, column: "version"))
            }
        }
    }

    /// The secret `webhook add` shows once on stderr.
    private func secret(in stderr: String) throws -> String {
        let line = try XCTUnwrap(stderr.split(separator: "\n").first { $0.hasPrefix("signing secret (shown once): ") })
        return String(line.dropFirst("signing secret (shown once): ".count))
    }

    private func eventBody(_ id: String, _ type: String, _ object: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: [
            "id": id, "type": type, "created_at": "2026-12-02T10:00:00.000000Z", "data": ["object": object],
        ])
    }

    /// Polls `condition` every 100 ms for up to `timeout` seconds.
    private func eventually(_ timeout: Double = 60, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return try condition()
    }

    func testForgedStaleMalformedAndUnknownDeliveriesAreRefusedAndWriteNothing() async throws {
        let fixture = try AgentFixture()
        XCTAssertEqual(try fixture.script("sync").status, 0)
        let listener = try ListenProcess(environment: fixture.environment)
        XCTAssertTrue(listener.url.hasPrefix("http://127.0.0.1:"), listener.url)
        let add = try fixture.script("webhook add url=\(listener.url) events=client.updated")
        XCTAssertEqual(add.status, 0, add.stderr)
        let secret = try secret(in: add.stderr)

        let api = ServerAPI(base: fixture.url)
        let firstPage = try await api.call("GET", "clients?limit=1").body
        var object = try XCTUnwrap((firstPage["data"] as? [[String: Any]])?.first)
        let id = try XCTUnwrap(object["id"] as? String)
        let version = try XCTUnwrap(object["version"] as? Int)
        let original = try XCTUnwrap(try clientRow(fixture, id))
        XCTAssertEqual(original.version, version)
        let phone = object["phone"] as? String
        object["version"] = version + 1
        object["last_name"] = "Forgedname"
        let good = try eventBody("ev_e2e1", "client.updated", object)
        let now = Int64(Date().timeIntervalSince1970)
        func sign(_ body: Data, _ key: String = secret, at t: Int64 = now) -> String {
            WebhookSignature.header(secret: key, body: body, timestamp: t)
        }
        var badVersion = object
        badVersion["version"] = "seven"
        let tampered = try eventBody("ev_e2e1", "client.updated", object.merging(["last_name": "Other"]) { $1 })
        let notJSON = Data("hello".utf8)
        let noObject = try JSONSerialization.data(withJSONObject: [
            "id": "ev_e2e2", "type": "client.updated", "created_at": "2026-12-02T10:00:00.000000Z", "data": [:]])
        let wrongObject = try eventBody("ev_e2e3", "loan.updated", object)
        let wrongVersion = try eventBody("ev_e2e4", "client.updated", badVersion)
        let unknown = try eventBody("ev_e2e5", "client.merged", object)
        let cases: [(String, Data, String?, Int, String)] = [
            ("no signature", good, nil, 401, "missing_signature"),
            ("garbled header", good, "v1=abc", 401, "malformed_signature"),
            ("wrong secret", good, sign(good, "whsec_not_the_one"), 401, "bad_signature"),
            ("stale t", good, sign(good, at: now - 400), 401, "stale_signature"),
            ("future t", good, sign(good, at: now + 400), 401, "stale_signature"),
            ("tampered body", tampered, sign(good), 401, "bad_signature"),
            ("not JSON", notJSON, sign(notJSON), 400, "malformed_body"),
            ("no data.object", noObject, sign(noObject), 400, "malformed_body"),
            ("type and object disagree", wrongObject, sign(wrongObject), 400, "malformed_body"),
            ("version not a number", wrongVersion, sign(wrongVersion), 400, "malformed_body"),
            ("unknown type", unknown, sign(unknown), 202, "unknown_type"),
        ]
        for (name, body, signature, status, code) in cases {
            let answer = try await deliver(body, to: listener.url, signature: signature)
            XCTAssertEqual(answer.status, status, name)
            XCTAssertTrue(answer.text.contains(code), "\(name): \(answer.text)")
        }
        let untouched = try XCTUnwrap(try clientRow(fixture, id))
        XCTAssertEqual(untouched.version, version, "nothing refused was written")
        XCTAssertEqual(untouched.lastName, original.lastName)

        // The genuine delivery applies; its repeat and an older copy change nothing.
        let applied = try await deliver(good, to: listener.url, signature: sign(good))
        XCTAssertEqual(applied.status, 200)
        XCTAssertEqual(applied.text, #"{"outcome":"applied"}"#)
        XCTAssertEqual(try clientRow(fixture, id)?.lastName, "Forgedname")
        XCTAssertEqual(try clientRow(fixture, id)?.version, version + 1)
        // Any path reaches the inbox (the endpoint may be registered with one); only POST is accepted.
        let again = try await deliver(good, to: listener.url + "hooks/fincore", signature: sign(good))
        XCTAssertEqual(again.text, #"{"outcome":"duplicate"}"#)
        object["version"] = version
        object["last_name"] = "Oldername"
        let older = try eventBody("ev_e2e6", "client.updated", object)
        let stale = try await deliver(older, to: listener.url, signature: sign(older))
        XCTAssertEqual(stale.status, 200)
        XCTAssertEqual(stale.text, #"{"outcome":"stale"}"#)
        XCTAssertEqual(try clientRow(fixture, id)?.lastName, "Forgedname")

        let (_, getAnswer) = try await URLSession.shared.data(from: try XCTUnwrap(URL(string: listener.url)))
        XCTAssertEqual((getAnswer as? HTTPURLResponse)?.statusCode, 405)

        XCTAssertEqual(listener.stop(), 0)
        let log = listener.log
        for line in ["webhook 401 refused: no Fincore-Signature header", "webhook 401 refused: signature matches no stored secret",
                     "webhook 202 ev_e2e5 client.merged: ignored, unknown event type",
                     "webhook 200 ev_e2e1 client.updated \(id): applied", "webhook 200 ev_e2e1 client.updated \(id): duplicate",
                     "webhook 400 ev_e2e4 client.updated: refused: bad data.object at data.object.version",
                     "fincore listen: stopped (4 accepted, 10 refused)"] {
            XCTAssertTrue(log.contains(line), "missing '\(line)' in:\n\(log)")
        }
        for secretOrPersonal in [secret, "Forgedname", "Oldername", "seven"] + (phone.map { [$0] } ?? []) {
            XCTAssertFalse(log.contains(secretOrPersonal), "the log shows '\(secretOrPersonal)':\n\(log)")
        }
    }

    func testEventsWithRetriesDuplicatesAndShuffleThenOneSyncEqualTheServer() async throws {
        let fixture = try AgentFixture(sandboxArguments: [
            "--faults", "webhook_duplicate=0.5,webhook_shuffle_ms=300,webhook_fail=0.3"])
        XCTAssertEqual(try fixture.script("sync").status, 0)
        let listener = try ListenProcess(environment: fixture.environment)
        let events = "client.created,client.updated,client.deleted,loan.created,loan.updated,payment.created,payment.updated"
        let add = try fixture.script("webhook add url=\(listener.url) events=\(events)")
        XCTAssertEqual(add.status, 0, add.stderr)
        let api = ServerAPI(base: fixture.url)
        // An endpoint created behind the agent's back: its secret was never stored here, so every
        // delivery to it is refused, and only the next sync brings what it announced.
        let rogue = try await api.call("POST", "webhooks", json: ["url": listener.url, "events": ["payment_link.updated"]])
        XCTAssertEqual(rogue.status, 201)

        var clients: [String] = []
        for n in 0..<4 {
            let created = try await api.call("POST", "clients", json: [
                "first_name": "Event\(n)", "last_name": "Listener", "kyc": ["id_type": "national_id", "id_number": "E2E-\(n)"]])
            XCTAssertEqual(created.status, 201)
            clients.append(try XCTUnwrap(created.body["id"] as? String))
        }
        for round in 1...3 {
            for id in clients {
                let patched = try await api.call("PATCH", "clients/\(id)", json: ["address": "Street \(round)"])
                XCTAssertEqual(patched.status, 200)
            }
        }
        for id in clients.prefix(2) {
            let deleted = try await api.call("DELETE", "clients/\(id)")
            XCTAssertEqual(deleted.status, 204)
        }
        let loan = try await api.call("POST", "loans", json: [
            "client_id": clients[2], "principal": 100_000, "currency": "KES", "interest_rate_bps": 1200, "term_months": 6])
        XCTAssertEqual(loan.status, 201)
        let loanID = try XCTUnwrap(loan.body["id"] as? String)
        let edited = try await api.call("PATCH", "loans/\(loanID)", json: ["principal": 120_000])
        XCTAssertEqual(edited.status, 200)
        let activeLoans = try await api.call("GET", "loans?status=active&limit=1").body
        let active = try XCTUnwrap((activeLoans["data"] as? [[String: Any]])?.first?["id"] as? String)
        let link = try await api.call("POST", "payment_links", json: ["loan_id": active, "amount": 100])
        XCTAssertEqual(link.status, 201)
        let linkID = try XCTUnwrap(link.body["id"] as? String)
        let canceled = try await api.call("POST", "payment_links/\(linkID)/cancel")
        XCTAssertEqual(canceled.status, 200)

        // Events alone bring every change, whatever order and how often they arrive.
        let converged = try eventually {
            let stored = try replicaVersions(fixture, "clients")
            let loans = try replicaVersions(fixture, "loans")
            return stored[clients[0]] == nil && stored[clients[1]] == nil && stored[clients[2]] == 4
                && stored[clients[3]] == 4 && loans[loanID] == 2
        }
        XCTAssertTrue(converged, "events did not bring the changes:\n\(listener.log)")
        // The rogue endpoint gets one event; refused, it is retried with backoff (0.5 s, then 1 s).
        XCTAssertTrue(eventually { listener.log.components(separatedBy: "webhook 401 refused: signature matches no stored secret")
            .count - 1 >= 2 }, "no retry of a refused delivery:\n\(listener.log)")
        XCTAssertNil(try replicaVersions(fixture, "payment_links")[linkID], "a refused event writes nothing")
        XCTAssertTrue(listener.log.contains(": duplicate") || listener.log.contains(": stale"),
                      "chaos should have repeated or reordered something:\n\(listener.log)")

        // One incremental sync catches up what was refused; then the replica is the server.
        let sync = try fixture.script("sync")
        XCTAssertEqual(sync.status, 0, sync.stderr)
        XCTAssertEqual(try replicaVersions(fixture, "payment_links")[linkID], 2)
        for resource in ["clients", "loans", "payments", "payment_links"] {
            let server = try await api.versions(resource)
            XCTAssertEqual(try replicaVersions(fixture, resource), server, resource)
        }
        XCTAssertEqual(listener.stop(), 0)
        if ProcessInfo.processInfo.environment["LISTEN_DEBUG"] != nil { print(listener.log); print(sync.stdout) }
        XCTAssertFalse(listener.log.contains("E2E-"), "KYC numbers must not reach the log")
        XCTAssertFalse(listener.log.contains("Listener"), "names must not reach the log")
    }

    func testSecretsAreStoredPrivatelyNeverShownAgainAndForgottenOnDelete() throws {
        let fixture = try AgentFixture()
        let add = try fixture.script("webhook add url=http://127.0.0.1:9/hook events=loan.updated")
        XCTAssertEqual(add.status, 0, add.stderr)
        let secret = try secret(in: add.stderr)
        let id = try XCTUnwrap(add.stdout.split(separator: "\n").first { $0.hasPrefix("id:") }?
            .split(separator: " ").last.map(String.init))
        let file = try fixture.replicaDirectory() + "/webhook-secrets"
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "\(id) \(secret)\n")
        for command in ["webhook list", "webhook show \(id)", "webhook edit \(id) status=disabled", "status",
                        "webhook show wh_nosuchthing"] {
            let result = try fixture.script(command)
            XCTAssertFalse(result.stdout.contains(secret) || result.stderr.contains(secret), command)
        }
        let delete = try fixture.script("webhook delete \(id)")
        XCTAssertEqual(delete.status, 0, delete.stderr)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "")
    }

    func testListenCommandLineAndTheREPLsListenOnOff() throws {
        let help = try FincoreProcess.run(["listen", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("USAGE: fincore listen [--host H] [--port P]"), help.stdout)
        XCTAssertTrue(try FincoreProcess.run(["--help"]).stdout.contains("listen"))
        let bad = try FincoreProcess.run(["listen", "--port", "70000"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("'--port'"), bad.stderr)
        let home = NSTemporaryDirectory() + "fincore-listen-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let demo = try FincoreProcess.run(["listen"], environment: ["FINCORE_HOME": home, "FINCORE_API_URL": ""])
        XCTAssertEqual(demo.status, 1)
        XCTAssertTrue(demo.stderr.contains("no server is configured"), demo.stderr)

        let fixture = try AgentFixture()
        let session = try fixture.script("listen; listen on; status; listen off; listen; help listen")
        XCTAssertEqual(session.status, 0, session.stderr)
        let lines = session.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "not listening")
        XCTAssertTrue(lines.contains { $0.hasPrefix("listening on http://127.0.0.1:") }, session.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("listening:") && $0.contains("(0 accepted, 0 refused)") }, session.stdout)
        XCTAssertTrue(session.stdout.contains("listen [on|off]"), session.stdout)
    }
}
