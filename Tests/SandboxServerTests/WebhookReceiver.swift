import Foundation
import HTTP
import XCTest

/// A webhook endpoint for tests: an `HTTPServer` on a free loopback port that keeps every request
/// and answers from a script of status codes (then 200).
final class WebhookReceiver: Sendable {
    /// One request as it arrived.
    struct Received: Sendable {
        let body: Data
        let signature: String?
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var eventID: String { json["id"] as? String ?? "" }
        var type: String { json["type"] as? String ?? "" }
        var object: [String: Any] { (json["data"] as? [String: Any])?["object"] as? [String: Any] ?? [:] }
    }

    private final class Log: Sendable {
        let state: Locked<(received: [Received], script: [Int])>
        init(script: [Int]) { state = Locked(([], script)) }
    }

    private let log: Log
    private let server: HTTPServer
    let url: String

    init(answers script: [Int] = [], path: String = "/hook") async throws {
        let log = Log(script: script)
        self.log = log
        server = HTTPServer(host: "127.0.0.1", port: 0) { request in
            let status = log.state.withLock { state in
                state.received.append(Received(body: request.body, signature: request.headers["Fincore-Signature"]))
                return state.script.isEmpty ? 200 : state.script.removeFirst()
            }
            return HTTPResponse(status: HTTPStatus(code: status))
        }
        let port = try await server.start()
        url = "http://127.0.0.1:\(port)\(path)"
    }

    var received: [Received] { log.state.withLock { $0.received } }

    /// Waits until at least `count` requests arrived (or `timeout` passed) and returns them all.
    func waitFor(_ count: Int, timeout: Double = 10) async throws -> [Received] {
        let deadline = Date().addingTimeInterval(timeout)
        while received.count < count, Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        return received
    }

    func stop() async {
        await server.stop()
    }
}

/// Polls `condition` every 20 ms until it holds or `timeout` seconds pass; returns whether it held.
func eventually(timeout: Double = 10, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}
