import Foundation
import HTTP
import XCTest

/// Bad bytes get the contract's error body, never a crash (issue: malformed HTTP, bad JSON, sizes).
final class MalformedRequestTests: XCTestCase {
    private var sandbox: SandboxHarness!

    override func setUp() async throws {
        sandbox = try await SandboxHarness()
    }

    override func tearDown() async throws {
        await sandbox.stop()
    }

    /// Sends raw bytes and reads until the server closes or a full answer arrived.
    private func send(_ bytes: [UInt8]) throws -> String {
        let socket = try Socket.connect(host: "127.0.0.1", port: UInt16(sandbox.baseURL.port ?? 0))
        defer { socket.close() }
        try socket.writeAll(bytes)
        var answer = [UInt8]()
        while let chunk = try? socket.read(maxBytes: 65536, timeout: 2), !chunk.isEmpty {
            answer += chunk
            if let text = String(bytes: answer, encoding: .utf8), text.contains("\r\n\r\n"),
               text.hasSuffix("}") { break }
        }
        return String(decoding: answer, as: UTF8.self)
    }

    private func post(_ body: [UInt8], contentType: String = "application/json") throws -> String {
        let head = "POST /v1/clients HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(SandboxHarness.key)\r\n"
            + "Content-Type: \(contentType)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        return try send(Array(head.utf8) + body)
    }

    func testMalformedRequestLine() throws {
        let answer = try send(Array("GARBAGE\r\n\r\n".utf8))
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 400"), answer)
        XCTAssertTrue(answer.contains(#""code":"invalid_request""#), answer)
    }

    func testOversizedHeadersAre431() throws {
        let header = "X-Big: " + String(repeating: "a", count: 20_000) + "\r\n"
        let answer = try send(Array("GET /v1/clients HTTP/1.1\r\nHost: x\r\n\(header)\r\n".utf8))
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 431"), answer)
    }

    func testBodyOverOneMebibyteIs413BeforeItIsSent() throws {
        let head = "POST /v1/clients HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(SandboxHarness.key)\r\n"
            + "Content-Length: \(2 << 20)\r\n\r\n"
        let answer = try send(Array(head.utf8))
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 413"), answer)
        XCTAssertTrue(answer.contains(#""code":"payload_too_large""#), answer)
    }

    func testInvalidJSONAndInvalidUTF8Are400() throws {
        for body: [UInt8] in [Array(#"{"first_name": "#.utf8), [0xFF, 0xFE, 0x7B, 0x7D], Array("[1,2]".utf8)] {
            let answer = try post(body)
            XCTAssertTrue(answer.hasPrefix("HTTP/1.1 400"), answer)
            XCTAssertTrue(answer.contains(#""code":"invalid_request""#), answer)
        }
    }

    func testWrongTypesNameTheField() throws {
        let answer = try post(Array(#"{"first_name": 5, "last_name": "B", "kyc": {"id_type": "palm"}}"#.utf8))
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 400"), answer)
        XCTAssertTrue(answer.contains(#""field":"first_name""#), answer)
        XCTAssertTrue(answer.contains(#""field":"kyc.id_type""#), answer)
    }

    func testTheServerStillAnswersAfterAllOfThat() async throws {
        _ = try? send(Array("\u{0}\u{1}\u{2}\r\n\r\n".utf8))
        _ = try? post(Array(repeating: 0x41, count: 10))
        let answer = try await sandbox.call("GET", "clients")
        XCTAssertEqual(answer.status, 200)
    }
}
