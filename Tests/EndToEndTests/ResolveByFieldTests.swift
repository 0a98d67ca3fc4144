import Foundation
import XCTest

/// `resolve N FIELD=mine|theirs` as a user types it: two agents (two FINCORE_HOMEs) edit the
/// same two fields of one client; the later one's conflict is settled field by field.
final class ResolveByFieldTests: XCTestCase {
    func testResolveKeepsMineForOneFieldAndTakesTheirsForTheOther() async throws {
        let sandbox = try OperatedSandbox(["--demo", "5", "--rate-window", "0"])
        let homes = ["a", "b"].map { NSTemporaryDirectory() + "fincore-resolve-\($0)-\(UUID().uuidString)" }
        defer { for home in homes { try? FileManager.default.removeItem(atPath: home) } }
        let a = sandbox.agentEnvironment(home: homes[0]), b = sandbox.agentEnvironment(home: homes[1])
        for environment in [a, b] {
            let first = try FincoreProcess.run(["-c", "sync"], environment: environment)
            XCTAssertEqual(first.status, 0, first.stderr)
        }
        let clients = try await sandbox.listAll("clients")
        let client = try XCTUnwrap(clients.first?["id"] as? String)

        let edited = try FincoreProcess.run(
            ["-c", "client edit \(client) address=\"A Street 1\" email=a@example.com; sync"], environment: a)
        XCTAssertEqual(edited.status, 0, edited.stderr)
        let offline = try FincoreProcess.run(
            ["--offline", "-c", "client edit \(client) address=\"B Street 2\" email=b@example.com"], environment: b)
        XCTAssertEqual(offline.status, 3, offline.stderr)
        _ = try FincoreProcess.run(["-c", "sync"], environment: b)

        // B's edit is a conflict; the server still holds A's values.
        let outbox = try FincoreProcess.run(["--format", "csv", "-c", "outbox"], environment: b)
        let row = try XCTUnwrap(outbox.stdout.split(separator: "\n").dropFirst().first, outbox.stdout)
        let columns = row.split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(columns.count > 3 ? String(columns[3]) : "", "conflict", String(row))
        let seq = String(columns[0])
        var server = try await serverClient(sandbox, client)
        XCTAssertEqual(server["address"] as? String, "A Street 1")
        XCTAssertEqual(server["email"] as? String, "a@example.com")

        let resolved = try FincoreProcess.run(["-c", "resolve \(seq) address=mine email=theirs; sync"], environment: b)
        XCTAssertEqual(resolved.status, 0, resolved.stderr)
        XCTAssertTrue(resolved.stdout.contains("kept mine for address"), resolved.stdout)
        server = try await serverClient(sandbox, client)
        XCTAssertEqual(server["address"] as? String, "B Street 2", "mine")
        XCTAssertEqual(server["email"] as? String, "a@example.com", "theirs")
        let left = try FincoreProcess.run(["--format", "csv", "-c", "outbox"], environment: b)
        XCTAssertEqual(left.stdout.split(separator: "\n").count, 1, "nothing left in B's outbox: \(left.stdout)")
        let shown = try FincoreProcess.run(["--format", "json", "-c", "client show \(client)"], environment: b)
        XCTAssertTrue(shown.stdout.contains("B Street 2") && shown.stdout.contains("a@example.com"), shown.stdout)
    }

    private func serverClient(_ sandbox: OperatedSandbox, _ id: String) async throws -> [String: Any] {
        try await sandbox.call("GET", "/v1/clients/\(id)", key: OperatedSandbox.apiKey)
    }
}
