import Foundation
import XCTest

@testable import HTTP

/// A real server on port 0 over loopback, driven by `RawClient`.
final class HTTPServerTests: XCTestCase {
    /// Echoes the method, path, query and body, and answers the fault dispositions.
    static func makeRouter() -> Router {
        Router([
            .init(.get, "/hello") { _ in HTTPResponse(text: "hello") },
            .init(.post, "/echo") { request in
                HTTPResponse(status: .created, headers: ["Content-Type": "application/octet-stream"], body: request.body)
            },
            .init(.get, "/v1/clients/{id}/kyc/{action}") { request in
                let id = request.pathParameters["id"] ?? "-"
                let action = request.pathParameters["action"] ?? "-"
                let query = request.query.map { "\($0.name)=\($0.value ?? "")" }.joined(separator: "&")
                return HTTPResponse(text: "\(id) \(action) \(query) \(request.remoteAddress.hasPrefix("127.0.0.1:"))")
            },
            .init(.post, "/v1/clients/{id}/kyc/{action}") { _ in HTTPResponse(status: .noContent) },
            .init(.get, "/drop") { _ in HTTPResponse(text: "never sent").with(disposition: .dropConnection) },
            .init(.get, "/truncate") { _ in
                HTTPResponse(body: Data("0123456789".utf8), disposition: .truncateBody(4))
            },
            .init(.get, "/slow") { _ in
                try? await Task.sleep(nanoseconds: 300_000_000)
                return HTTPResponse(text: "slow done")
            },
            .init(.get, "/stream") { _ in
                let counter = Counter()
                return HTTPResponse(headers: ["Content-Type": "application/x-ndjson"]) {
                    let next = await counter.next()
                    return next < 3 ? Data("{\"n\":\(next)}\n".utf8) : nil
                }
            },
        ])
    }

    var server: HTTPServer!
    var port: UInt16 = 0

    override func setUp() async throws {
        server = HTTPServer(
            configuration: .init(readTimeout: 0.3, keepAliveTimeout: 5), router: Self.makeRouter())
        port = try await server.start()
    }

    override func tearDown() async throws {
        await server.stop()
    }

    func testGetRoundTrip() throws {
        let client = try RawClient(port: port)
        try client.send(get("/hello"))
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.reason, "OK")
        XCTAssertEqual(response.text, "hello")
        XCTAssertEqual(response.header("Content-Length"), "5")
        XCTAssertEqual(response.header("Connection"), "keep-alive")
        XCTAssertNotNil(response.header("Date"))
    }

    func testPostRoundTrip() throws {
        let client = try RawClient(port: port)
        try client.send(post("/echo", "{\"amount\":450000}"))
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 201)
        XCTAssertEqual(response.text, "{\"amount\":450000}")
    }
}

/// A counter shared by the chunks of one streamed response.
actor Counter {
    private var value = 0

    func next() -> Int {
        defer { value += 1 }
        return value
    }
}

extension HTTPResponse {
    func with(disposition: Disposition) -> HTTPResponse {
        var copy = self
        copy.disposition = disposition
        return copy
    }
}
