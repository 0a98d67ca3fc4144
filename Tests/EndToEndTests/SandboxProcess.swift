import Foundation
import XCTest

/// An `OperatedSandbox` with chosen options (faults, rate window) plus a private FINCORE_HOME for
/// the agent that talks to it; `AgentFixture` is the plain case.
final class SandboxProcess {
    let home: String
    let server: OperatedSandbox
    var url: String { server.url.absoluteString }

    init(_ options: [String]) throws {
        home = NSTemporaryDirectory() + "fincore-state-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        server = try OperatedSandbox(options)
    }

    /// The agent's environment for this server; `home` picks another agent's replica.
    func environment(home: String? = nil) -> [String: String] {
        server.agentEnvironment(home: home ?? self.home)
    }

    /// Runs `fincore ARGS` against this server.
    func run(_ arguments: [String], home: String? = nil) throws -> FincoreProcess.Result {
        try FincoreProcess.run(arguments, environment: environment(home: home))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: home)
    }
}
