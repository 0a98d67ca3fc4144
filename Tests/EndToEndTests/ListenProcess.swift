import Foundation
import XCTest

/// `fincore listen` running in the background: its URL (from the first stdout line) and its log.
final class ListenProcess {
    let process = Process()
    let url: String
    private let logPath: String

    init(environment: [String: String], arguments: [String] = ["--port", "0"]) throws {
        logPath = NSTemporaryDirectory() + "fincore-listen-\(UUID().uuidString).log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = FincoreProcess.binary
        process.arguments = ["listen"] + arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        // A file, not a pipe: a long run's log can never fill a pipe and block the receiver.
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try process.run()
        var line = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        url = String(String(decoding: line, as: UTF8.self).dropFirst("listening on ".count))
    }

    /// Everything logged so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// SIGTERM, then the exit status.
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        _ = stop()
        try? FileManager.default.removeItem(atPath: logPath)
    }
}
