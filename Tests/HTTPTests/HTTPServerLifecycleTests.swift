import Foundation
import XCTest

@testable import HTTP

/// Timeouts, concurrency, stopping, the fault dispositions and streamed bodies.
final class HTTPServerLifecycleTests: XCTestCase {
    var server: HTTPServer!
    var port: UInt16 = 0

    override func setUp() async throws {
        server = HTTPServer(
            configuration: .init(readTimeout: 0.3, keepAliveTimeout: 5), router: HTTPServerTests.makeRouter())
        port = try await server.start()
    }

    override func tearDown() async throws {
        await server.stop()
    }

    func testHalfSentRequestIsDisconnectedAfterTheReadTimeout() throws {
        let client = try RawClient(port: port)
        try client.send("GET /hello HTTP/1.1\r\nHost: h\r\n")
        let started = Date()
        XCTAssertTrue(client.waitForClose(timeout: 3))
        let waited = Date().timeIntervalSince(started)
        XCTAssertGreaterThan(waited, 0.25)
        XCTAssertLessThan(waited, 2)
    }

    func testFiftyConcurrentKeepAliveConnections() async throws {
        let port = port
        try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<50 {
                group.addTask {
                    // Blocking socket reads belong off the cooperative pool, as in the server.
                    try await Self.onThread {
                        let client = try RawClient(port: port)
                        var answered = 0
                        for round in 0..<4 {
                            try client.send(post("/echo", "c\(index) r\(round)"))
                            if try client.readResponse().text == "c\(index) r\(round)" { answered += 1 }
                        }
                        return answered
                    }
                }
            }
            var total = 0
            for try await answered in group { total += answered }
            XCTAssertEqual(total, 200)
        }
    }

    func testStopRefusesNewConnectionsAndClosesIdleOnes() async throws {
        let idle = try RawClient(port: port)
        try idle.send(get("/hello"))
        XCTAssertEqual(try idle.readResponse().text, "hello")
        await server.stop()
        XCTAssertTrue(idle.waitForClose(timeout: 1))
        XCTAssertThrowsError(try RawClient(port: port)) { error in
            guard case SocketError.failed(call: "connect", _, _) = error else { return XCTFail("\(error)") }
        }
        let running = await server.isRunning
        XCTAssertFalse(running)
    }

    func testStopWaitsForTheRequestInFlight() async throws {
        let port = port
        async let answer = Self.onThread { () -> [String] in
            let client = try RawClient(port: port)
            try client.send(get("/slow"))
            let response = try client.readResponse()
            return [response.text, response.header("Connection") ?? "-"]
        }
        // Wait until the request is being handled, then stop underneath it.
        while await server.busyConnectionCount == 0 { try await Task.sleep(nanoseconds: 2_000_000) }
        await server.stop()
        let answered = try await answer
        XCTAssertEqual(answered, ["slow done", "close"])
    }

    func testRestartOnTheSamePort() async throws {
        await server.stop()
        let again = HTTPServer(configuration: .init(port: port)) { _ in HTTPResponse(text: "again") }
        let bound = try await again.start()
        XCTAssertEqual(bound, port)
        let client = try RawClient(port: port)
        try client.send(get("/"))
        XCTAssertEqual(try client.readResponse().text, "again")
        await again.stop()
    }

    func testDropConnectionWritesNothing() throws {
        let client = try RawClient(port: port)
        try client.send(get("/drop"))
        XCTAssertEqual(client.readToEnd(timeout: 2), [])
        XCTAssertTrue(client.waitForClose(timeout: 0))
    }

    func testTruncateBodySendsTheFullLengthAndPartOfTheBody() throws {
        let client = try RawClient(port: port)
        try client.send(get("/truncate"))
        let received = String(decoding: client.readToEnd(timeout: 2), as: UTF8.self)
        XCTAssertTrue(received.hasPrefix("HTTP/1.1 200 OK\r\n"), received)
        XCTAssertTrue(received.contains("Content-Length: 10\r\n"), received)
        XCTAssertTrue(received.hasSuffix("\r\n\r\n0123"), received)
    }

    func testStreamedBodyIsChunked() throws {
        let client = try RawClient(port: port)
        try client.send(get("/stream") + get("/hello"))
        let response = try client.readResponse()
        XCTAssertEqual(response.header("Transfer-Encoding"), "chunked")
        XCTAssertNil(response.header("Content-Length"))
        XCTAssertEqual(response.text, "{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n")
        XCTAssertEqual(try client.readResponse().text, "hello")
    }

    func testStreamedBodyToHTTP10IsDelimitedByClose() throws {
        let client = try RawClient(port: port)
        try client.send("GET /stream HTTP/1.0\r\n\r\n")
        let received = String(decoding: client.readToEnd(timeout: 2), as: UTF8.self)
        XCTAssertTrue(received.hasSuffix("\r\n\r\n{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n"), received)
    }

    /// Runs blocking work on a thread of its own and returns its result to the awaiting task.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}
