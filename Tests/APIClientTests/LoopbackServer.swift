import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 responder on 127.0.0.1, port 0: the hostile or odd server of the tests.
///
/// It records every request (method, path, headers, body) and answers each with the reply
/// its script gives for that request's index: a canned status, headers and body, a body cut
/// short, a delay, or a connection closed without a word. One connection per request
/// (`Connection: close`), so a closed connection never poisons the next request.
final class LoopbackServer: @unchecked Sendable {
    // @unchecked: `recorded` and `script` are guarded by `lock`; the socket is only closed once.
    /// One request as the server saw it.
    struct Request: Sendable {
        var method: String
        var target: String
        var headers: [String: String]
        var body: Data

        func header(_ name: String) -> String? { headers[name.lowercased()] }
        var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }
        var query: String? { target.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) }
    }

    /// How to answer one request.
    enum Reply: Sendable {
        /// A complete answer.
        case respond(status: Int, headers: [String: String] = [:], body: String = "", delay: Double = 0)
        /// An answer whose `Content-Length` promises `body` but only `sent` bytes arrive.
        case truncate(status: Int, headers: [String: String] = [:], body: String, sent: Int)
        /// Read the request, then close the connection without answering.
        case close
        /// A complete answer whose body is raw bytes (not UTF-8, say).
        case bytes(status: Int, headers: [String: String] = [:], body: Data)
        /// A head (with `headers` as given: no `Content-Length` unless listed), `prefix`, then
        /// `chunk` again and again until `limit` bytes are out (nil: forever), `interval` seconds
        /// apart, until the client hangs up. `chunked` frames each write as an HTTP/1.1 chunk.
        case stream(status: Int, headers: [String: String] = [:], prefix: Data = Data(), chunk: Data,
                    limit: Int? = nil, interval: Double = 0, chunked: Bool = false)
    }

    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var recorded: [Request] = []
    private var hungUp = 0
    private let script: @Sendable (Int, Request) -> Reply

    /// A server answering request number `n` (from 0) with `script(n, request)`.
    init(script: @escaping @Sendable (Int, Request) -> Reply) throws {
        self.script = script
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        listener = fd
        let thread = Thread { [weak self] in self?.acceptLoop(fd) }
        thread.start()
    }

    /// A server giving `replies` in order, repeating the last one.
    convenience init(_ replies: [Reply]) throws {
        try self.init { index, _ in replies.isEmpty ? .close : replies[min(index, replies.count - 1)] }
    }

    /// The versioned base URL of this server.
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/v1/") ?? URL(fileURLWithPath: "/") }

    /// Every request received so far, in arrival order.
    var requests: [Request] { lock.withLock { recorded } }

    /// Streamed answers (`.stream`) the client stopped reading by closing the connection.
    var hangUps: Int { lock.withLock { hungUp } }


    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    deinit { stop() }

    private func acceptLoop(_ fd: Int32) {
        while true {
            let connection = accept(fd, nil, nil)
            guard connection >= 0 else { return }
            DispatchQueue.global().async { [weak self] in
                self?.serve(connection)
                close(connection)
            }
        }
    }

    private func serve(_ connection: Int32) {
        guard let request = readRequest(connection) else { return }
        let index: Int = lock.withLock {
            recorded.append(request)
            return recorded.count - 1
        }
        switch script(index, request) {
        case .close:
            return
        case .respond(let status, let headers, let body, let delay):
            if delay > 0 { Thread.sleep(forTimeInterval: delay) }
            write(connection, head(status, headers, length: body.utf8.count) + body)
        case .truncate(let status, let headers, let body, let sent):
            write(connection, head(status, headers, length: body.utf8.count) + String(decoding: body.utf8.prefix(sent), as: UTF8.self))
        case .bytes(let status, let headers, let body):
            _ = writeBytes(connection, Array(head(status, headers, length: body.count).utf8) + Array(body))
        case .stream(let status, let headers, let prefix, let chunk, let limit, let interval, let chunked):
            stream(connection, status: status, headers: headers, prefix: Array(prefix), chunk: Array(chunk),
                   limit: limit, interval: interval, chunked: chunked)
        }
    }

    /// Writes a head and then `chunk` until `limit` or until the client hangs up.
    private func stream(_ connection: Int32, status: Int, headers: [String: String], prefix: [UInt8], chunk: [UInt8],
                        limit: Int?, interval: Double, chunked: Bool) {
        var text = "HTTP/1.1 \(status) Status\r\nConnection: close\r\n"
        if chunked { text += "Transfer-Encoding: chunked\r\n" }
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        guard writeBytes(connection, Array((text + "\r\n").utf8)) else { return }
        if !prefix.isEmpty {
            let framed = chunked ? Array((String(prefix.count, radix: 16) + "\r\n").utf8) + prefix + [13, 10] : prefix
            guard writeBytes(connection, framed) else { return }
        }
        var sent = 0
        while limit.map({ sent < $0 }) ?? true {
            let piece = limit.map { Array(chunk.prefix($0 - sent)) } ?? chunk
            let framed = chunked ? Array((String(piece.count, radix: 16) + "\r\n").utf8) + piece + [13, 10] : piece
            guard writeBytes(connection, framed) else {
                lock.withLock { hungUp += 1 }
                return
            }
            sent += piece.count
            if interval > 0 { Thread.sleep(forTimeInterval: interval) }
        }
        if chunked { _ = writeBytes(connection, Array("0\r\n\r\n".utf8)) }
    }

    private func head(_ status: Int, _ headers: [String: String], length: Int) -> String {
        var text = "HTTP/1.1 \(status) Status\r\nContent-Length: \(length)\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        return text + "\r\n"
    }

    private func write(_ connection: Int32, _ text: String) {
        _ = writeBytes(connection, Array(text.utf8))
    }

    /// Writes all of `bytes`; false when the peer has gone.
    private func writeBytes(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var bytes = bytes
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return send(connection, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    private func readRequest(_ connection: Int32) -> Request? {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        let separator: [UInt8] = [13, 10, 13, 10]
        var headerEnd: Int?
        while headerEnd == nil {
            let n = recv(connection, &chunk, chunk.count, 0)
            guard n > 0 else { return nil }
            buffer += chunk[0..<n]
            if buffer.count >= 4 {
                headerEnd = (0...(buffer.count - 4)).first { Array(buffer[$0..<$0 + 4]) == separator }
            }
        }
        guard let end = headerEnd else { return nil }
        let lines = String(decoding: buffer[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        var body = Array(buffer[(end + 4)...])
        while body.count < length {
            let n = recv(connection, &chunk, chunk.count, 0)
            guard n > 0 else { return nil }
            body += chunk[0..<n]
        }
        return Request(method: String(parts[0]), target: String(parts[1]), headers: headers, body: Data(body))
    }
}
