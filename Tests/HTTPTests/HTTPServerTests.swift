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

    func testKeepAliveServesSeveralRequestsOnOneConnection() throws {
        let client = try RawClient(port: port)
        for index in 0..<5 {
            try client.send(post("/echo", "body \(index)"))
            let response = try client.readResponse()
            XCTAssertEqual(response.text, "body \(index)")
            XCTAssertEqual(response.header("Connection"), "keep-alive")
        }
    }

    func testPipelinedRequestsAreAnsweredInOrder() throws {
        let client = try RawClient(port: port)
        try client.send(get("/hello") + post("/echo", "second") + get("/v1/clients/cl_1/kyc/verify?x=1"))
        XCTAssertEqual(try client.readResponse().text, "hello")
        XCTAssertEqual(try client.readResponse().text, "second")
        XCTAssertEqual(try client.readResponse().text, "cl_1 verify x=1 true")
    }

    func testConnectionCloseIsHonoured() throws {
        let client = try RawClient(port: port)
        try client.send(get("/hello", "Connection: close\r\n"))
        let response = try client.readResponse()
        XCTAssertEqual(response.text, "hello")
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertTrue(client.waitForClose())
    }

    func testHTTP10ClosesByDefault() throws {
        let client = try RawClient(port: port)
        try client.send("GET /hello HTTP/1.0\r\n\r\n")
        XCTAssertEqual(try client.readResponse().text, "hello")
        XCTAssertTrue(client.waitForClose())
    }

    func testHeadHasHeadersButNoBody() throws {
        let client = try RawClient(port: port)
        try client.send("HEAD /hello HTTP/1.1\r\nHost: h\r\n\r\n" + get("/hello"))
        let head = try client.readResponse(headOnly: true)
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.header("Content-Length"), "5")
        XCTAssertEqual(try client.readResponse().text, "hello")
    }

    func testUnknownPathIs404InContractShape() throws {
        let client = try RawClient(port: port)
        try client.send(get("/nope"))
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 404)
        XCTAssertEqual(response.header("Content-Type"), "application/json")
        XCTAssertEqual(response.text, #"{"error":{"code":"not_found","message":"No route for /nope"}}"#)
    }

    func testWrongMethodIs405WithAllow() throws {
        let client = try RawClient(port: port)
        try client.send("DELETE /v1/clients/cl_1/kyc/verify HTTP/1.1\r\nHost: h\r\n\r\n")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 405)
        XCTAssertEqual(response.header("Allow"), "GET, POST, HEAD")
        XCTAssertTrue(response.text.hasPrefix(#"{"error":{"code":"method_not_allowed","#))
        // The connection survives a 405: it is an application answer, not a framing error.
        try client.send(get("/hello"))
        XCTAssertEqual(try client.readResponse().text, "hello")
    }

    func testOversizedContentLengthIs413BeforeTheBodyIsSent() throws {
        let client = try RawClient(port: port)
        try client.send("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: \(2 << 20)\r\n\r\n")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 413)
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertEqual(
            response.text,
            #"{"error":{"code":"payload_too_large","message":"Request body of 2097152 bytes exceeds the limit of 1048576 bytes"}}"#)
        XCTAssertTrue(client.waitForClose())
    }

    func testOversizedHeadersAre431() throws {
        let client = try RawClient(port: port)
        try client.send("GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + String(repeating: "x", count: 20_000) + "\r\n\r\n")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 431)
        XCTAssertEqual(response.reason, "Request Header Fields Too Large")
        XCTAssertTrue(response.text.contains("headers too large"))
        XCTAssertTrue(client.waitForClose())
    }

    func testMalformedRequestLineIs400() throws {
        let client = try RawClient(port: port)
        try client.send("GARBAGE\r\n\r\n")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(
            response.text,
            #"{"error":{"code":"invalid_request","message":"Malformed request line: expected method, target and version"}}"#)
        XCTAssertTrue(client.waitForClose())
    }

    func testExpectContinueGetsAnInterimResponse() throws {
        let client = try RawClient(port: port)
        try client.send("POST /echo HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n")
        XCTAssertEqual(try client.readResponse().status, 100)
        try client.send("abc")
        XCTAssertEqual(try client.readResponse().text, "abc")
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
