import Foundation
import XCTest

/// A sandbox server process and a private FINCORE_HOME, so the agent's replica persists between runs.
final class AgentFixture {
    let home: String
    let server: OperatedSandbox
    var url: String { server.url.absoluteString }

    /// Starts `fincore sandbox` with 20 demo clients, limits off, and `sandboxArguments` (e.g. `--no-optional`).
    init(sandboxArguments: [String] = []) throws {
        home = NSTemporaryDirectory() + "fincore-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        server = try OperatedSandbox(["--demo", "20", "--rate-window", "0"] + sandboxArguments)
    }

    var environment: [String: String] {
        ["FINCORE_HOME": home, "FINCORE_API_URL": url, "FINCORE_API_KEY": "sk_test_fincore_demo", "NO_COLOR": "1"]
    }

    /// Runs `fincore ARGS` against the sandbox with this home.
    func run(_ arguments: [String], stdin: String? = nil) throws -> FincoreProcess.Result {
        try FincoreProcess.run(arguments, stdin: stdin, environment: environment)
    }

    /// Runs `-c COMMANDS`.
    func script(_ commands: String, _ extra: [String] = []) throws -> FincoreProcess.Result {
        try run(extra + ["-c", commands])
    }

    /// The replica's directory (there is one server and key per fixture).
    func replicaDirectory() throws -> String {
        let replicas = home + "/replicas"
        let names = try FileManager.default.contentsOfDirectory(atPath: replicas)
        guard names.count == 1, let name = names.first else {
            throw NSError(domain: "AgentFixture", code: 1, userInfo: [NSLocalizedDescriptionKey: "replicas: \(names)"])
        }
        return replicas + "/" + name
    }

    /// How many edits wait in the outbox (from `outbox --format csv`).
    func pendingCount() throws -> Int {
        let result = try run(["--format", "csv", "-c", "outbox"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout.split(separator: "\n").count - 1
    }

    /// The id printed in `… ID: saved offline, N pending`.
    static func savedID(_ output: String) -> String? {
        guard let line = output.split(separator: "\n").last(where: { $0.contains(": saved offline") }) else { return nil }
        return line.split(separator: ":").first?.split(separator: " ").last.map(String.init)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: home)
    }
}
