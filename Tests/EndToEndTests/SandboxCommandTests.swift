import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// `fincore sandbox` as an operator runs it: the first stdout line, a working API, a clean stop.
final class SandboxCommandTests: XCTestCase {
    func testFirstLineNamesTheURLAndSIGTERMStopsCleanly() async throws {
        let process = Process()
        process.executableURL = FincoreProcess.binary
        process.arguments = ["sandbox", "--port", "0", "--rate-window", "0"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let line = try XCTUnwrap(Self.firstLine(of: out.fileHandleForReading))
        XCTAssertTrue(line.hasPrefix("listening on http://127.0.0.1:"), line)
        XCTAssertTrue(line.hasSuffix("/v1/"), line)
        let base = try XCTUnwrap(URL(string: String(line.dropFirst("listening on ".count))))

        var request = URLRequest(url: base.appendingPathComponent("clients"))
        request.setValue("Bearer sk_test_fincore_demo", forHTTPHeaderField: "Authorization")
        let (_, response) = try await URLSession.shared.data(for: request)
        XCTAssertEqual((response as? HTTPURLResponse)?.statusCode, 200)

        process.terminate()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 0)
    }

    func testAKeyFromTheEnvironmentReplacesTheDemoKey() async throws {
        let process = Process()
        process.executableURL = FincoreProcess.binary
        process.arguments = ["sandbox", "--port", "0"]
        var environment = ProcessInfo.processInfo.environment
        environment["FINCORE_SANDBOX_API_KEYS"] = "sk_test_a, sk_test_b"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        let line = try XCTUnwrap(Self.firstLine(of: out.fileHandleForReading))
        let base = try XCTUnwrap(URL(string: String(line.dropFirst("listening on ".count))))
        for (key, status) in [("sk_test_b", 200), ("sk_test_fincore_demo", 401)] {
            var request = URLRequest(url: base.appendingPathComponent("clients"))
            request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
            let (_, response) = try await URLSession.shared.data(for: request)
            XCTAssertEqual((response as? HTTPURLResponse)?.statusCode, status, key)
        }
    }

    func testCtrlCStopsCleanlyAndTheKeyIsInNoOutputOrFile() async throws {
        let key = "sk_test_never_logged_7f3a"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = Process()
        process.executableURL = FincoreProcess.binary
        process.arguments = ["sandbox", "--port", "0", "--data", directory.appendingPathComponent("sandbox.sqlite").path]
        var environment = ProcessInfo.processInfo.environment
        environment["FINCORE_SANDBOX_API_KEYS"] = key
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let line = try XCTUnwrap(Self.firstLine(of: out.fileHandleForReading))
        let base = try XCTUnwrap(URL(string: String(line.dropFirst("listening on ".count))))

        // A create stored under an idempotency key, and a refused key: both places a careless server logs keys.
        var create = URLRequest(url: base.appendingPathComponent("clients"))
        create.httpMethod = "POST"
        create.httpBody = Data(#"{"first_name":"Asha","last_name":"Njeri"}"#.utf8)
        create.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        create.setValue("stored-key", forHTTPHeaderField: "Idempotency-Key")
        let (_, created) = try await URLSession.shared.data(for: create)
        XCTAssertEqual((created as? HTTPURLResponse)?.statusCode, 201)
        var refused = URLRequest(url: base.appendingPathComponent("clients"))
        refused.setValue("Bearer \(key)x", forHTTPHeaderField: "Authorization")
        let (_, unauthorized) = try await URLSession.shared.data(for: refused)
        XCTAssertEqual((unauthorized as? HTTPURLResponse)?.statusCode, 401)

        process.interrupt()  // what Ctrl-C sends
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 0)
        var everything = out.fileHandleForReading.readDataToEndOfFile() + err.fileHandleForReading.readDataToEndOfFile()
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            everything += try Data(contentsOf: directory.appendingPathComponent(file))
        }
        XCTAssertNil(everything.range(of: Data(key.utf8)), "the API key must not be in any output or file")
    }

    func testBadOptionValuesAreUsageErrors() throws {
        let result = try FincoreProcess.run(["sandbox", "--faults", "error_503=2"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("'--faults'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("error_503"), result.stderr)
    }

    /// Reads up to the first newline (the process keeps running, so no read-to-end).
    private static func firstLine(of handle: FileHandle) -> String? {
        var bytes = Data()
        while true {
            let chunk = handle.readData(ofLength: 1)
            if chunk.isEmpty { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if chunk.first == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(chunk)
        }
    }
}
