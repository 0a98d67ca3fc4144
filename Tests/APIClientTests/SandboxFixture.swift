import APIClient
import FincoreModel
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SandboxServer
import XCTest

/// A real sandbox on a free loopback port, an `APIClient` for it, and the operator routes.
///
/// The tests of this target that talk to it run the whole contract over HTTP: the client's
/// URLSession, the sandbox's sockets, its SQLite store (STYLE habit 10: the real thing on port 0).
final class SandboxFixture: Sendable {
    static let key = APIKey(SandboxConfiguration.demoAPIKey)!  // the sandbox's documented demo key
    static let adminKey = "sk_admin_client_tests"

    let server: SandboxServer
    let baseURL: URL
    /// The client most tests use: quick retries, short timeouts.
    let api: APIClient
    private let operatorSession: URLSession

    /// A retry policy fast enough for tests yet with the standard shape (four attempts, backoff).
    static let quickRetries = RetryPolicy(
        maxAttempts: 4, baseDelay: .milliseconds(20), maxDelay: .milliseconds(200), deadline: .seconds(30))

    /// Starts a sandbox with rate limiting off (unless `configure` turns it on) and the operator key.
    init(
        _ configure: (inout SandboxConfiguration) -> Void = { _ in },
        client configureClient: (inout APIClient.Configuration) -> Void = { _ in }
    ) async throws {
        var configuration = SandboxConfiguration()
        configuration.rateWindowSeconds = 0
        configuration.adminKey = Self.adminKey
        configuration.settlementDelaySeconds = 0.2
        configure(&configuration)
        server = try SandboxServer(configuration: configuration)
        baseURL = try await server.start()
        api = Self.makeClient(baseURL, configure: configureClient)
        let session = URLSessionConfiguration.ephemeral
        session.timeoutIntervalForRequest = 10
        operatorSession = URLSession(configuration: session)
    }

    /// Another client of the same server (its own scheduler and connections).
    func makeClient(_ configure: (inout APIClient.Configuration) -> Void = { _ in }) -> APIClient {
        Self.makeClient(baseURL, configure: configure)
    }

    private static func makeClient(_ baseURL: URL, configure: (inout APIClient.Configuration) -> Void) -> APIClient {
        var configuration = APIClient.Configuration()
        configuration.retryPolicy = quickRetries
        configuration.requestTimeout = .seconds(5)
        configure(&configuration)
        return APIClient(baseURL: baseURL, key: key, configuration: configuration)
    }

    func stop() async {
        operatorSession.invalidateAndCancel()
        await server.stop()
    }

    // MARK: Operator routes (not the contract: the client never sees them)

    /// Sets fault knobs through `POST /_sandbox/faults` (e.g. `["error_503": 0.2]`).
    func setFaults(_ settings: [String: Any]) async throws {
        let answer = try await operatorCall("POST", "faults", body: JSONSerialization.data(withJSONObject: settings))
        XCTAssertEqual(answer.status, 200, String(decoding: answer.body, as: UTF8.self))
    }

    /// `GET /_sandbox/stats`: requests by status, replays, faults injected, object counts.
    func stats() async throws -> [String: Any] {
        let answer = try await operatorCall("GET", "stats", body: nil)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: answer.body) as? [String: Any])
    }

    /// How many faults of `kind` (`drop_after_commit`, `error_503`…) the sandbox injected so far.
    func injected(_ kind: String) async throws -> Int {
        let counts = try await stats()["faults_injected"] as? [String: Int]
        return counts?[kind] ?? 0
    }

    private func operatorCall(_ method: String, _ name: String, body: Data?) async throws -> (status: Int, body: Data) {
        let url = try XCTUnwrap(URL(string: "/_sandbox/\(name)", relativeTo: baseURL)?.absoluteURL)
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("Bearer \(Self.adminKey)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await operatorSession.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }
}
