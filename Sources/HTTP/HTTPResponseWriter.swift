import Foundation

/// Writes a response to a socket: status line and headers (RFC 9112 §4–5), then the body framed by
/// `Content-Length` or chunked (§6–7), honouring the response's `Disposition`.
struct HTTPResponseWriter {
    let socket: Socket

    /// How the exchange ended: whether the connection may carry another request.
    enum Outcome {
        case keepOpen
        case close
    }

    /// Writes `response` to the request it answers; `keepAlive` is the server's decision to keep the
    /// connection open (request rules plus shutdown state). Throws only when the peer is gone.
    func write(
        _ response: HTTPResponse, for method: HTTPMethod, version: HTTPRequest.Version, keepAlive: Bool
    ) throws(SocketError) -> Outcome {
        if response.disposition == .dropConnection { return .close }
        // A HEAD answer and 204/304 carry no body (RFC 9110 §9.3.2, §15.3.5, §15.4.5); for HEAD the
        // headers still describe the body a GET would have had.
        let bodyless = response.status.code == 204 || response.status.code == 304
            || (100..<200).contains(response.status.code)
        let sendsBody = !bodyless && method != .head
        switch response.body {
        case .data(let data):
            var keepAlive = keepAlive
            var limit = data.count
            if case .truncateBody(let bytes) = response.disposition {
                keepAlive = false
                limit = max(0, min(bytes, data.count))
            }
            let length = bodyless ? nil : data.count
            var bytes = head(response, contentLength: length, chunked: false, keepAlive: keepAlive)
            if sendsBody {
                // One send for head and body when the body is small: fewer syscalls and packets.
                if limit <= 64 * 1024 {
                    bytes.append(contentsOf: data.prefix(limit))
                    try socket.writeAll(bytes)
                } else {
                    try socket.writeAll(bytes)
                    try socket.writeAll(data.prefix(limit))
                }
            } else {
                try socket.writeAll(bytes)
            }
            return keepAlive ? .keepOpen : .close
        case .stream(let producer):
            // HTTP/1.0 has no chunked coding: the body is delimited by closing (RFC 9112 §6.3).
            let chunked = version == .http1_1 && sendsBody
            let keepAlive = keepAlive && chunked && response.disposition == .normal
            try socket.writeAll(head(response, contentLength: nil, chunked: chunked, keepAlive: keepAlive))
            guard sendsBody else { return keepAlive ? .keepOpen : .close }
            return try writeStream(producer, chunked: chunked, disposition: response.disposition)
                && keepAlive ? .keepOpen : .close
        }
    }

    /// Writes chunks until the producer ends; false if it failed or the body was truncated on purpose.
    private func writeStream(
        _ producer: @escaping HTTPChunkProducer, chunked: Bool, disposition: HTTPResponse.Disposition
    ) throws(SocketError) -> Bool {
        var remaining = Int.max
        if case .truncateBody(let bytes) = disposition { remaining = max(0, bytes) }
        while true {
            let next = BlockingBridge.run { () async -> Chunk in
                do {
                    return try await producer().map(Chunk.data) ?? .end
                } catch {
                    return .failed
                }
            } ?? .failed
            guard case .data(var chunk) = next else {
                if case .end = next, chunked { try socket.writeAll(Array("0\r\n\r\n".utf8)) }
                return next.isEnd
            }
            // An empty chunk would read as the last-chunk marker, so it is skipped.
            if chunk.isEmpty { continue }
            let truncated = chunk.count >= remaining
            if truncated { chunk = chunk.prefix(remaining) }
            remaining -= chunk.count
            if chunked {
                var framed = Array((String(chunk.count, radix: 16) + "\r\n").utf8)
                framed.append(contentsOf: chunk)
                if !truncated { framed.append(contentsOf: [.cr, .lf]) }
                try socket.writeAll(framed)
            } else {
                try socket.writeAll(chunk)
            }
            if truncated { return false }
        }
    }

    /// One step of a streamed body, as a Sendable value that can cross from the task to this thread.
    private enum Chunk: Sendable {
        case data(Data)
        case end
        case failed

        var isEnd: Bool {
            if case .end = self { return true }
            return false
        }
    }

    /// The status line and headers. The server owns the framing headers (`Content-Length`,
    /// `Transfer-Encoding`, `Connection`), so a handler's values for them are replaced.
    func head(_ response: HTTPResponse, contentLength: Int?, chunked: Bool, keepAlive: Bool) -> [UInt8] {
        var text = "HTTP/1.1 \(response.status.code) \(response.status.reasonPhrase)\r\n"
        for field in response.headers
        where field.key != "content-length" && field.key != "transfer-encoding" && field.key != "connection" {
            // A CR or LF in a value would let it start a header or body of its own (response
            // splitting); such a field is dropped rather than sent.
            guard !field.value.utf8.contains(where: { $0 == .cr || $0 == .lf }) else { continue }
            text += "\(field.name): \(field.value)\r\n"
        }
        if !response.headers.contains("Date") { text += "Date: \(HTTPDate.now())\r\n" }
        if let contentLength { text += "Content-Length: \(contentLength)\r\n" }
        if chunked { text += "Transfer-Encoding: chunked\r\n" }
        text += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
        return Array(text.utf8)
    }
}
