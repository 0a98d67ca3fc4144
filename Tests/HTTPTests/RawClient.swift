import Foundation
import XCTest

@testable import HTTP

/// A test client that speaks HTTP by hand over a socket, so tests control every byte sent and see
/// every byte received (pipelining, half-sent requests, malformed input).
final class RawClient {
    /// A response as read off the wire.
    struct Response {
        var status: Int
        var reason: String
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    enum Failure: Error {
        case closedEarly(received: [UInt8])
        case malformed(String)
    }

    let socket: Socket
    private var buffer: [UInt8] = []
    private var closed = false

    init(port: UInt16) throws {
        socket = try Socket.connect(host: "127.0.0.1", port: port)
    }

    deinit {
        socket.close()
    }

    func send(_ text: String) throws {
        try socket.writeAll(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) throws {
        try socket.writeAll(bytes)
    }

    /// Reads one response; `headOnly` for an answer to HEAD (headers describe a body never sent).
    func readResponse(timeout: Double = 5, headOnly: Bool = false) throws -> Response {
        let headEnd = try fill(until: { $0.firstRange(of: Array("\r\n\r\n".utf8))?.upperBound }, timeout: timeout)
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd)
        var lines = head.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2).map(String.init)
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure.malformed(head) }
        var response = Response(
            status: status, reason: statusLine.count > 2 ? statusLine[2] : "", headers: [], body: [])
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw Failure.malformed(line) }
            response.headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        if headOnly || status == 204 || status == 304 || status / 100 == 1 { return response }
        if let length = response.header("Content-Length").flatMap(Int.init) {
            _ = try fill(until: { $0.count >= length ? length : nil }, timeout: timeout)
            response.body = Array(buffer.prefix(length))
            buffer.removeFirst(length)
        } else if response.header("Transfer-Encoding") == "chunked" {
            response.body = try readChunks(timeout: timeout)
        } else {
            response.body = readToEnd(timeout: timeout)
        }
        return response
    }

    /// Everything until the server closes (or the timeout passes).
    func readToEnd(timeout: Double = 5) -> [UInt8] {
        let deadline = Date().addingTimeInterval(timeout)
        while !closed, deadline.timeIntervalSinceNow > 0 {
            guard let bytes = try? socket.read(timeout: deadline.timeIntervalSinceNow) else { break }
            if bytes.isEmpty { closed = true } else { buffer += bytes }
        }
        defer { buffer = [] }
        return buffer
    }

    /// Whether the server closes the connection within `timeout` seconds (discarding any bytes).
    func waitForClose(timeout: Double = 5) -> Bool {
        _ = readToEnd(timeout: timeout)
        return closed
    }

    private func readChunks(timeout: Double) throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let lineEnd = try fill(until: { $0.firstRange(of: [.cr, .lf])?.upperBound }, timeout: timeout)
            let sizeText = String(decoding: buffer[..<(lineEnd - 2)], as: UTF8.self)
            buffer.removeFirst(lineEnd)
            guard let size = Int(sizeText, radix: 16) else { throw Failure.malformed(sizeText) }
            _ = try fill(until: { $0.count >= size + 2 ? size + 2 : nil }, timeout: timeout)
            body += buffer.prefix(size)
            buffer.removeFirst(size + 2)
            if size == 0 { return body }
        }
    }

    /// Reads until `done` finds what it wants in the buffer, returning its answer.
    private func fill(until done: ([UInt8]) -> Int?, timeout: Double) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let found = done(buffer) { return found }
            guard !closed, deadline.timeIntervalSinceNow > 0 else { throw Failure.closedEarly(received: buffer) }
            let bytes = try socket.read(timeout: deadline.timeIntervalSinceNow)
            if bytes.isEmpty { closed = true } else { buffer += bytes }
        }
    }
}

/// A GET with the headers every test request needs.
func get(_ path: String, _ extra: String = "") -> String {
    "GET \(path) HTTP/1.1\r\nHost: localhost\r\n\(extra)\r\n"
}

/// A POST with a body and its Content-Length.
func post(_ path: String, _ body: String, _ extra: String = "") -> String {
    "POST \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Length: \(body.utf8.count)\r\n\(extra)\r\n\(body)"
}
