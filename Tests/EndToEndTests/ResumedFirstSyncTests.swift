import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// A first sync by paging (a server without reports) SIGKILLed about halfway, then run again:
/// the second run continues from the checkpointed pages instead of starting over, and the
/// replica ends equal to the server (issue 7, "resumable first sync").
///
/// Scripts print no progress, so "halfway" is read from the server's request counter
/// (`/_sandbox/stats`). CI: `--demo 600` (≈ 9,000 objects); `FINCORE_LONG_TESTS=1`: `--demo 20000`.
final class ResumedFirstSyncTests: XCTestCase {
    private static var long: Bool { ProcessInfo.processInfo.environment["FINCORE_LONG_TESTS"] == "1" }
    private static let resources = ["clients", "loans", "payments", "payment_links"]

    func testAFirstSyncKilledHalfwayContinuesFromItsCheckpoint() async throws {
        let sandbox = try OperatedSandbox(["--demo", Self.long ? "20000" : "600", "--rate-window", "0", "--no-optional"])
        let home = NSTemporaryDirectory() + "fincore-resumed-sync-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let environment = sandbox.agentEnvironment(home: home)

        // The fewest list requests a first sync by paging needs: ⌈objects/100⌉ per resource.
        var minimum = 0
        for resource in Self.resources {
            let meta = try await sandbox.call("GET", "/v1/\(resource)?limit=1", key: OperatedSandbox.apiKey)["meta"]
            let total = (meta as? [String: Any])?["total"] as? Int ?? 0
            minimum += max(1, (total + 99) / 100)
        }
        XCTAssertGreaterThan(minimum, 40)

        let before = try await requests(sandbox)
        let agent = try KilledPushTests.startAgent(["-c", "sync"], environment)
        while agent.isRunning, try await requests(sandbox) - before < minimum / 2 {
            try await Task.sleep(for: .milliseconds(20))
        }
        XCTAssertTrue(agent.isRunning, "the first sync was still running at halfway")
        kill(agent.processIdentifier, SIGKILL)
        agent.waitUntilExit()
        XCTAssertEqual(agent.terminationReason, .uncaughtSignal)
        let killed = try await requests(sandbox) - before

        let resumed = try FincoreProcess.run(["-c", "sync"], environment: environment)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        let summary = resumed.stdout.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(summary.hasPrefix("sync done:"), summary)
        let second = try XCTUnwrap(Self.requestCount(summary), summary)
        // Continued, not restarted: the second run needs about the half left, and both runs
        // together about one first sync (slack: the size probes of each run, the page a kill
        // lost, the report probe of a server without reports).
        XCTAssertLessThan(second, minimum * 3 / 4, "the second run continued from the checkpoint: \(summary)")
        XCTAssertLessThanOrEqual(killed + second, minimum + 12, "killed run \(killed) + resumed \(second)")
        print("resumed-first-sync: minimum \(minimum), killed run \(killed) requests, resumed \(second): \(summary)")

        // The replica equals the server: every loan and payment, in its status.
        try await assertSame(sandbox, environment, resource: "loans", command: "loan list", statusColumn: 2)
        try await assertSame(sandbox, environment, resource: "payments", command: "payment list", statusColumn: 6)
    }

    /// Compares `id → status` of a resource on the server with the agent's CSV listing.
    private func assertSame(_ sandbox: OperatedSandbox, _ environment: [String: String], resource: String,
                            command: String, statusColumn: Int) async throws {
        var server: [String: String] = [:]
        for object in try await sandbox.listAll(resource) {
            if let id = object["id"] as? String { server[id] = object["status"] as? String ?? "" }
        }
        let listed = try FincoreProcess.run(["--format", "csv", "-c", command], environment: environment)
        XCTAssertEqual(listed.status, 0, listed.stderr)
        var local: [String: String] = [:]
        for line in listed.stdout.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if columns.count > statusColumn { local[columns[0]] = columns[statusColumn] }
        }
        XCTAssertEqual(local.count, server.count, "\(resource): replica and server hold as many")
        let differing = server.filter { local[$0.key] != $0.value }.keys.sorted()
        XCTAssertEqual(Array(differing.prefix(5)), [], "\(resource) missing or in another status in the replica")
    }

    /// The server's request counter.
    private func requests(_ sandbox: OperatedSandbox) async throws -> Int {
        try await sandbox.stats()["requests"] as? Int ?? 0
    }

    /// `N` from a summary line's `…, N requests`.
    static func requestCount(_ summary: String) -> Int? {
        for part in summary.split(separator: ",") {
            let words = part.split(separator: " ")
            if words.count == 2, words[1] == "requests" { return Int(words[0]) }
        }
        return nil
    }
}
