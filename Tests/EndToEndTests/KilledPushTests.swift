import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// Exactly once through real crashes (issue 7): offline work made with `fincore --offline -f`,
/// pushed by `fincore -c sync` under network faults while the agent process is SIGKILLed at
/// random moments and restarted, until the outbox is empty. Entries a killed run left
/// `in_flight` are sent again under their idempotency key by the next run, so the server holds
/// every repayment once (by reference) and every field edit (by value).
///
/// CI: 40 edits (20 repayments). `FINCORE_LONG_TESTS=1`: 300 edits (150 repayments).
final class KilledPushTests: XCTestCase {
    private static var long: Bool { ProcessInfo.processInfo.environment["FINCORE_LONG_TESTS"] == "1" }

    /// One offline field edit: a client's field set to a value no one else uses.
    private struct FieldEdit {
        let clientID: String
        let field: String
        let value: String
    }

    func testEveryRepaymentArrivesOnceThroughFaultsAndKilledAgents() async throws {
        let (repayments, edits, adds) = Self.long ? (150, 140, 10) : (20, 17, 3)
        let sandbox = try OperatedSandbox(["--demo", Self.long ? "60" : "25", "--rate-window", "0", "--seed", "7"])
        let home = NSTemporaryDirectory() + "fincore-killed-push-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let environment = sandbox.agentEnvironment(home: home)

        // A first sync brings the portfolio; then the offline work, saved with its outbox entries.
        let first = try FincoreProcess.run(["-c", "sync"], environment: environment)
        XCTAssertEqual(first.status, 0, first.stderr)
        let loans = try await sandbox.listAll("loans", "&status=active").compactMap { $0["id"] as? String }
        let clients = try await sandbox.listAll("clients").compactMap { $0["id"] as? String }
        XCTAssertGreaterThanOrEqual(loans.count, 8, "repayments spread over many loans")
        let fields = ["address", "email", "phone"]
        XCTAssertGreaterThanOrEqual(clients.count * fields.count, edits)
        let run = UUID().uuidString.prefix(6)
        var lines: [String] = []
        var references: [String] = []
        for index in 0..<repayments {
            let reference = "KP-\(run)-\(index)"
            references.append(reference)
            lines.append("repay \(loans[index % loans.count]) amount=1 method=cash reference=\(reference)")
        }
        var fieldEdits: [FieldEdit] = []
        for index in 0..<edits {
            let field = fields[index % fields.count]
            let value: String
            switch field {
            case "address": value = "Killed Push Road \(run) \(index)"
            case "email": value = "kp\(index).\(run.lowercased())@example.com"
            default: value = String(format: "+2547%08d", 10_000_000 + index * 7919 % 89_999_999)
            }
            fieldEdits.append(FieldEdit(clientID: clients[index / fields.count], field: field, value: value))
            lines.append("client edit \(clients[index / fields.count]) \(field)=\"\(value)\"")
        }
        let addedNames = (0..<adds).map { "Push\(run)\($0)" }
        for (index, name) in addedNames.enumerated() {
            lines.append("client add first_name=Kili last_name=\(name) phone=+2547200\(String(format: "%05d", index)) "
                         + "branch_id=br_1 officer_id=of_1")
        }
        // Interleaved, so repayments and edits of one client alternate in the outbox.
        lines.shuffle()
        let script = home + "/offline.fc"
        try lines.joined(separator: "\n").write(toFile: script, atomically: true, encoding: .utf8)
        let offline = try FincoreProcess.run(["--offline", "-f", script], environment: environment)
        XCTAssertEqual(offline.status, 3, "saved offline: \(offline.stderr)")
        // Pending edits of one client merge into one entry (ClientEditMerge); repayments never do.
        XCTAssertGreaterThanOrEqual(try outboxStates(environment).count, repayments + adds + 1)

        // The push under faults, killed at random moments.
        try await sandbox.setFaults([
            "drop_after_commit": 0.2, "error_503": 0.05, "truncate_body": 0.05, "storm_429": 0.03,
            "latency_ms": "20-60",
        ])
        var kills = 0, killsInFlight = 0
        let (minimumKills, maximumKills) = Self.long ? (12, 40) : (4, 12)
        while kills < minimumKills || (killsInFlight == 0 && kills < maximumKills) {
            guard try !outboxStates(environment).isEmpty else { break }
            let agent = try Self.startAgent(["-c", "sync"], environment)
            try await Task.sleep(for: .milliseconds(Int.random(in: 250...1_500)))
            if agent.isRunning {
                kill(agent.processIdentifier, SIGKILL)
                kills += 1
            }
            agent.waitUntilExit()
            if try outboxStates(environment).contains("in_flight") { killsInFlight += 1 }
        }
        XCTAssertGreaterThan(kills, 0, "the push was killed at least once")
        XCTAssertGreaterThan(killsInFlight, 0, "a kill left an entry in flight, to be sent again under its key")

        // Restarted until the outbox is empty, faults still on.
        for _ in 0..<30 {
            guard try !outboxStates(environment).isEmpty else { break }
            _ = try FincoreProcess.run(["-c", "sync"], environment: environment)
        }
        XCTAssertEqual(try outboxStates(environment), [], "the outbox is empty: nothing failed or in conflict")

        // The server: every repayment once, every field edit's value, every new client once.
        try await sandbox.clearFaults()
        let payments = try await sandbox.listAll("payments")
        var byReference: [String: Int] = [:]
        for payment in payments {
            if let reference = payment["reference"] as? String, reference.hasPrefix("KP-\(run)-") {
                byReference[reference, default: 0] += 1
            }
        }
        let missing = references.filter { byReference[$0] == nil }
        let twice = byReference.filter { $0.value > 1 }.keys.sorted()
        XCTAssertEqual(missing, [], "repayments missing on the server")
        XCTAssertEqual(twice, [], "repayments on the server more than once")
        XCTAssertEqual(byReference.count, repayments)

        let serverClients = try await sandbox.listAll("clients")
        let byID = Dictionary(serverClients.compactMap { client in (client["id"] as? String).map { ($0, client) } },
                              uniquingKeysWith: { first, _ in first })
        for edit in fieldEdits {
            XCTAssertEqual(byID[edit.clientID]?[edit.field] as? String, edit.value, "\(edit.clientID).\(edit.field)")
        }
        for name in addedNames {
            XCTAssertEqual(serverClients.filter { $0["last_name"] as? String == name }.count, 1, name)
        }
        let stats = try await sandbox.stats()
        let replays = stats["replays"] as? Int ?? 0
        XCTAssertGreaterThan(replays, 0, "requests whose first answer was lost came back under their key")
        print("killed-push: \(lines.count) edits, \(kills) kills (\(killsInFlight) left an entry in flight), "
              + "\(replays) replays, stats \(stats)")
    }

    /// The states of the entries still in the outbox (`outbox --format csv`).
    private func outboxStates(_ environment: [String: String]) throws -> [String] {
        let result = try FincoreProcess.run(["--format", "csv", "-c", "outbox"], environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout.split(separator: "\n").dropFirst().map { line in
            let columns = line.split(separator: ",", omittingEmptySubsequences: false)
            return columns.count > 3 ? String(columns[3]) : String(line)
        }
    }

    /// Starts `fincore ARGS` without waiting; its output is discarded (a killed run says nothing).
    static func startAgent(_ arguments: [String], _ environment: [String: String]) throws -> Process {
        let process = Process()
        process.executableURL = FincoreProcess.binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
