import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SandboxServer
import XCTest

/// A sandbox on a free loopback port and a plain HTTP client for black-box tests of the contract.
final class SandboxHarness: @unchecked Sendable {
    static let key = SandboxConfiguration.demoAPIKey
    static let adminKey = "sk_admin_test"

    let server: SandboxServer
    let baseURL: URL
    let session: URLSession

    /// One answer: status, headers (names lowercased), raw body and the body as JSON when it is.
    struct Answer: @unchecked Sendable {
        let status: Int
        let headers: [String: String]
        let body: Data
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
        var errorFields: [String] {
            ((json["error"] as? [String: Any])?["details"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
        }
        var data: [[String: Any]] { json["data"] as? [[String: Any]] ?? [] }
        var id: String { json["id"] as? String ?? "" }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    init(_ configure: (inout SandboxConfiguration) -> Void = { _ in }) async throws {
        var configuration = SandboxConfiguration()
        configuration.rateWindowSeconds = 0
        configuration.adminKey = Self.adminKey
        configure(&configuration)
        server = try SandboxServer(configuration: configuration)
        baseURL = try await server.start()
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = 15
        session = URLSession(configuration: sessionConfiguration)
    }

    func stop() async {
        session.invalidateAndCancel()
        await server.stop()
    }

    /// Sends a request to `path` (relative to `/v1/`, or absolute when it starts with `/`).
    @discardableResult
    func call(_ method: String, _ path: String, json body: Any? = nil, rawBody: Data? = nil,
              key: String? = SandboxHarness.key, headers: [String: String] = [:]) async throws -> Answer {
        let url: URL
        if path.hasPrefix("/") {
            url = URL(string: path, relativeTo: baseURL)?.absoluteURL ?? baseURL
        } else {
            url = baseURL.appendingPathComponent("").appendingPathComponent(path)
        }
        var request = URLRequest(url: Self.fixQuery(url, path))
        request.httpMethod = method
        if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let rawBody {
            request.httpBody = rawBody
        }
        let (data, response) = try await session.data(for: request)
        let http = response as? HTTPURLResponse
        var lowered: [String: String] = [:]
        for (name, value) in http?.allHeaderFields ?? [:] {
            if let name = name as? String, let value = value as? String { lowered[name.lowercased()] = value }
        }
        return Answer(status: http?.statusCode ?? 0, headers: lowered, body: data)
    }

    /// `appendingPathComponent` escapes `?`; keep a query written in the path as a query.
    private static func fixQuery(_ url: URL, _ path: String) -> URL {
        guard !path.hasPrefix("/"), let mark = path.firstIndex(of: "?") else { return url }
        let base = url.absoluteString.components(separatedBy: "%3F").first ?? url.absoluteString
        return URL(string: base + String(path[mark...])) ?? url
    }

    // MARK: Fixtures

    /// A new client; `verified` runs KYC verification too.
    func makeClient(_ fields: [String: Any] = [:], verified: Bool = false) async throws -> [String: Any] {
        var body: [String: Any] = ["first_name": "Amina", "last_name": "Otieno", "phone": "+254712345678",
                                   "branch_id": "br_1", "officer_id": "of_1",
                                   "kyc": ["id_type": "national_id", "id_number": "12345678"]]
        for (key, value) in fields { body[key] = value }
        let created = try await call("POST", "clients", json: body)
        XCTAssertEqual(created.status, 201, String(decoding: created.body, as: UTF8.self))
        guard verified else { return created.json }
        let answer = try await call("POST", "clients/\(created.id)/kyc/verify")
        XCTAssertEqual(answer.status, 200, String(decoding: answer.body, as: UTF8.self))
        return answer.json
    }
}

extension SandboxHarness {
    /// Changes fault knobs at run time through the operator route.
    func setFaults(_ settings: [String: Any]) async throws {
        let answer = try await call("POST", "/_sandbox/faults", json: settings, key: Self.adminKey)
        XCTAssertEqual(answer.status, 200, String(decoding: answer.body, as: UTF8.self))
    }
}
