import Foundation
import XCTest

/// A `fincore sandbox` process with chosen options (faults, rate window) and a private
/// FINCORE_HOME; `AgentFixture` is the plain case.
final class SandboxProcess {
    let home: String
    let url: String
    private let process = Process()

    init(_ options: [String]) throws {
        home = NSTemporaryDirectory() + "fincore-state-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        process.executableURL = FincoreProcess.binary
        process.arguments = ["sandbox", "--port", "0"] + options
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        url = String(String(decoding: line, as: UTF8.self).dropFirst("listening on ".count))
    }

    /// The agent's environment for this server; `home` picks another agent's replica.
    func environment(home: String? = nil) -> [String: String] {
        ["FINCORE_HOME": home ?? self.home, "FINCORE_API_URL": url, "FINCORE_API_KEY": "sk_test_fincore_demo",
         "NO_COLOR": "1"]
    }

    /// Runs `fincore ARGS` against this server.
    func run(_ arguments: [String], home: String? = nil) throws -> FincoreProcess.Result {
        try FincoreProcess.run(arguments, environment: environment(home: home))
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: home)
    }
}
