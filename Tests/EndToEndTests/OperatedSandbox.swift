import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// A `fincore sandbox` process with its operator routes on, and the JSON API calls the
/// end-to-end tests use to check the server's side (fault-free reads, no agent involved).
final class OperatedSandbox {
    static let adminKey = "sk_admin_e2e_sandbox"
    static let apiKey = "sk_test_fincore_demo"
    let process = Process()
    let url: URL
    /// A session of its own, invalidated with the sandbox: the shared session would keep dead
    /// keep-alive connections to stopped sandboxes, and on Linux enough of them to 127.0.0.1
    /// stall later tests' requests on the shared session's per-host connection limit.
    private let session = URLSession(configuration: .ephemeral)

    /// Starts `fincore sandbox --port 0 ARGUMENTS` and reads its URL from the first line.
    init(_ arguments: [String]) throws {
        process.executableURL = FincoreProcess.binary
        process.arguments = ["sandbox", "--port", "0"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["FINCORE_SANDBOX_ADMIN_KEY"] = Self.adminKey
        environment.removeValue(forKey: "FINCORE_SANDBOX_API_KEYS")
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        let address = String(text.dropFirst("listening on ".count))
        guard text.hasPrefix("listening on "), let url = URL(string: address) else {
            process.terminate()
            throw OperatedSandboxError(message: "the sandbox did not start: \(text)")
        }
        self.url = url
    }

    /// The environment that points an agent with its own FINCORE_HOME at this sandbox.
    func agentEnvironment(home: String) -> [String: String] {
        ["FINCORE_HOME": home, "FINCORE_API_URL": url.absoluteString, "FINCORE_API_KEY": Self.apiKey, "NO_COLOR": "1"]
    }

    /// Sets fault knobs (`POST /_sandbox/faults`).
    func setFaults(_ faults: [String: Any]) async throws {
        _ = try await call("POST", "/_sandbox/faults", key: Self.adminKey, body: faults)
    }

    /// Every fault off.
    func clearFaults() async throws {
        try await setFaults([
            "latency_ms": "0-0", "error_503": 0, "error_500": 0, "drop_before_commit": 0, "drop_after_commit": 0,
            "truncate_body": 0, "storm_429": 0, "commit_lag_s": 0, "writers": 0,
        ])
    }

    /// `GET /_sandbox/stats` as JSON.
    func stats() async throws -> [String: Any] {
        try await call("GET", "/_sandbox/stats", key: Self.adminKey)
    }

    /// Every object of a list endpoint (`clients`, `payments`, …) with `query`, page by page.
    /// Call with faults off and no writers: offsets are only stable when nothing changes.
    func listAll(_ resource: String, _ query: String = "") async throws -> [[String: Any]] {
        var objects: [[String: Any]] = []
        while true {
            let page = try await call("GET", "/v1/\(resource)?limit=100&offset=\(objects.count)\(query)",
                                      key: Self.apiKey)
            let data = page["data"] as? [[String: Any]] ?? []
            objects += data
            if data.count < 100 { return objects }
        }
    }

    /// One call with a JSON answer; a non-2xx status throws.
    func call(_ method: String, _ path: String, key: String, body: [String: Any]? = nil) async throws -> [String: Any] {
        let base = url.absoluteString.replacingOccurrences(of: "/v1/", with: "")
        guard let target = URL(string: base + path) else { throw OperatedSandboxError(message: "bad path \(path)") }
        var request = URLRequest(url: target)
        request.httpMethod = method
        request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        if let body { request.httpBody = try JSONSerialization.data(withJSONObject: body) }
        let (data, response) = try await session.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            throw OperatedSandboxError(message: "\(method) \(path): \(status) \(String(decoding: data, as: UTF8.self))")
        }
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    deinit {
        session.invalidateAndCancel()
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}

/// What went wrong talking to the sandbox process.
struct OperatedSandboxError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
