import Foundation

/// One client connection, served on its own thread: read, parse, call the handler, write, repeat.
///
/// Not shared: it lives on the thread that runs it, which alone reads, writes and closes the socket.
struct HTTPConnection {
    let socket: Socket
    let peer: String
    let id: Int
    let registry: ConnectionRegistry
    let configuration: HTTPServer.Configuration
    let handler: HTTPHandler

    func run() {
        defer {
            registry.unregister(id)
            socket.close()
        }
        var parser = HTTPRequestParser(limits: configuration.limits, remoteAddress: peer)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let writer = HTTPResponseWriter(socket: socket)
        var served = 0
        while true {
            let request: HTTPRequest
            do {
                guard let next = try parser.nextRequest() else {
                    if parser.awaitsContinue {
                        guard (try? socket.writeAll(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))) != nil
                        else { return }
                        parser.continueSent()
                    }
                    guard receive(into: &buffer, parser: &parser, first: served == 0) else { return }
                    continue
                }
                request = next
                served += 1
            } catch {
                // A parse error: answer it in the contract's shape, then close, since the rest of the
                // stream cannot be framed (RFC 9112 §9.6 lingering close so the client sees the answer).
                _ = try? writer.write(error.response, for: .get, version: .http1_1, keepAlive: false)
                lingeringClose()
                return
            }
            let response = BlockingBridge.run { await handler(request) }
                ?? .error(status: .internalServerError, code: "internal_error", message: "No response")
            let keepAlive = request.keepAlive && !registry.isStopping
            let outcome = try? writer.write(response, for: request.method, version: request.version, keepAlive: keepAlive)
            guard outcome == .keepOpen else {
                if response.disposition == .normal { socket.shutdown(.write) }
                return
            }
        }
    }

    /// Waits for and appends the next bytes; false when the connection should end: the peer closed,
    /// a timeout passed, or the server is stopping and the connection is between requests.
    private func receive(into buffer: inout [UInt8], parser: inout HTTPRequestParser, first: Bool) -> Bool {
        let idle = parser.isIdle
        if idle, !registry.setIdle(id, true) { return false }
        // Mid-request, `readTimeout` bounds the silence between bytes (a half-sent request is cut
        // off, as is a new connection that sends nothing); between requests, `keepAliveTimeout`
        // bounds how long an idle connection is kept.
        let timeout = idle && !first ? configuration.keepAliveTimeout : configuration.readTimeout
        let count = buffer.withUnsafeMutableBytes { bytes in
            try? socket.read(into: bytes, timeout: timeout)
        }
        if idle { _ = registry.setIdle(id, false) }
        guard let count, count > 0 else { return false }
        parser.append(buffer[0..<count])
        return true
    }

    /// Stops sending, then reads and discards what the client is still sending for a short while.
    /// Closing with unread data makes the kernel send RST, which can destroy the error response
    /// before the client reads it (RFC 9112 §9.6).
    private func lingeringClose() {
        socket.shutdown(.write)
        let deadline = Date().addingTimeInterval(min(configuration.readTimeout, 2))
        var discarded = 0
        while discarded < 4 << 20, case let remaining = deadline.timeIntervalSinceNow, remaining > 0 {
            guard let bytes = try? socket.read(maxBytes: 64 * 1024, timeout: remaining), !bytes.isEmpty
            else { return }
            discarded += bytes.count
        }
    }
}
