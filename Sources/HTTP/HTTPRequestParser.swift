import Foundation

/// An incremental HTTP/1.1 request parser: feed it bytes as they arrive, take requests out.
///
/// Pure (no sockets), so every rule is testable byte by byte. It follows RFC 9112:
/// - the head is the request line and header lines, each ending in CRLF, up to an empty line (§2.1);
///   empty lines before a request line are skipped (§2.2); a bare LF or obsolete line folding is a 400;
/// - the body is exactly `Content-Length` bytes (§6.3); a limit on it is checked against the
///   declared length as soon as the head is complete, before any body byte is read;
/// - `Transfer-Encoding` request bodies are refused with 501 (§6.1 allows it): the contract's
///   clients send JSON with `Content-Length`, and refusing keeps request smuggling out of reach;
/// - any byte outside visible ASCII, SP, HTAB, CR and LF in the head is a 400 at once, so binary
///   garbage (a TLS hello, say) is refused without waiting for the header limit.
/// After an error the parser stays failed: the server answers and closes the connection.
public struct HTTPRequestParser: Sendable {
    /// Size limits; the defaults are the contract's 1 MiB body and a 16 KiB head.
    public struct Limits: Sendable, Equatable {
        public var maxHeadBytes: Int
        public var maxBodyBytes: Int

        public init(maxHeadBytes: Int = 16 * 1024, maxBodyBytes: Int = 1 << 20) {
            self.maxHeadBytes = maxHeadBytes
            self.maxBodyBytes = maxBodyBytes
        }
    }

    /// A parsed head waiting for its body.
    struct Head: Sendable {
        var request: HTTPRequest
        var contentLength: Int
        /// `Expect: 100-continue` with a body still to come, and no `100 Continue` sent yet.
        var awaitsContinue: Bool
    }

    public let limits: Limits
    /// Stamped on every request parsed here.
    public var remoteAddress: String

    var buffer: [UInt8] = []
    /// The first byte not yet consumed by a returned request.
    var start = 0
    /// How many bytes past `start` have been checked while looking for the end of the head.
    var scanned = 0
    var pending: Head?
    var failure: HTTPParseError?

    public init(limits: Limits = Limits(), remoteAddress: String = "") {
        self.limits = limits
        self.remoteAddress = remoteAddress
    }

    /// Appends bytes received from the peer.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Whether no byte of a further request has arrived: the connection is idle between requests.
    public var isIdle: Bool { pending == nil && start == buffer.count }

    /// Whether the client is waiting for `100 Continue` before sending the body (RFC 9110 §10.1.1);
    /// the server sends it and calls `continueSent()`. A body that is refused (413) is refused before
    /// this is ever true, so such a client never sends the body at all.
    public var awaitsContinue: Bool {
        guard let pending else { return false }
        return pending.awaitsContinue && buffer.count - start < pending.contentLength
    }

    public mutating func continueSent() {
        pending?.awaitsContinue = false
    }

    /// The next complete request, or nil when more bytes are needed.
    public mutating func nextRequest() throws(HTTPParseError) -> HTTPRequest? {
        if let failure { throw failure }
        do {
            return try parseNext()
        } catch {
            failure = error
            throw error
        }
    }

    mutating func parseNext() throws(HTTPParseError) -> HTTPRequest? {
        if pending == nil {
            skipLeadingEmptyLines()
            guard let headEnd = try findHeadEnd() else { return nil }
            let head = try parseHead(buffer[start..<headEnd])
            start = headEnd
            scanned = 0
            pending = head
        }
        guard let head = pending, buffer.count - start >= head.contentLength else { return nil }
        var request = head.request
        if head.contentLength > 0 {
            request.body = Data(buffer[start..<start + head.contentLength])
        }
        start += head.contentLength
        pending = nil
        compact()
        return request
    }

    /// Drops consumed bytes: all of them when the buffer is used up, otherwise only once they pile up.
    mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 64 * 1024 {
            buffer.removeFirst(start)
            start = 0
        }
    }

    mutating func skipLeadingEmptyLines() {
        // A request line never starts with CR, so a leading CRLF is always an empty line, even when
        // it arrived byte by byte and was already scanned.
        while buffer.count - start >= 2, buffer[start] == .cr, buffer[start + 1] == .lf {
            start += 2
            scanned = max(0, scanned - 2)
        }
        compact()
    }

    /// The index just past the head's closing CRLF CRLF, or nil if it has not arrived yet.
    mutating func findHeadEnd() throws(HTTPParseError) -> Int? {
        var index = start + scanned
        while index < buffer.count {
            let byte = buffer[index]
            guard (0x20...0x7E).contains(byte) || byte == .cr || byte == .lf || byte == .tab else {
                throw .invalidCharacter(offset: index - start)
            }
            if byte == .lf, index - start >= 3, buffer[index - 1] == .cr, buffer[index - 2] == .lf,
                buffer[index - 3] == .cr
            {
                guard index + 1 - start <= limits.maxHeadBytes else {
                    throw .headersTooLarge(limit: limits.maxHeadBytes)
                }
                return index + 1
            }
            index += 1
        }
        scanned = index - start
        if scanned > limits.maxHeadBytes { throw .headersTooLarge(limit: limits.maxHeadBytes) }
        return nil
    }

    /// Parses the request line and headers (the bytes up to and including the empty line).
    func parseHead(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> Head {
        // Every byte is ASCII (checked while scanning), so this decoding cannot fail or alter bytes.
        let text = String(decoding: bytes.dropLast(4), as: UTF8.self)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty else { throw .malformedRequestLine("empty") }
        let requestLine = lines.removeFirst()
        let (method, target, version) = try Self.parseRequestLine(requestLine)

        var headers = HTTPHeaders()
        for line in lines {
            headers.add(contentsOf: try Self.parseHeaderLine(line))
        }
        if version == .http1_1, headers.values(for: "Host").count != 1 { throw .missingHost }
        if let coding = headers["Transfer-Encoding"] { throw .unsupportedTransferEncoding(coding) }
        let length = try Self.contentLength(headers)
        guard length <= limits.maxBodyBytes else {
            throw .payloadTooLarge(length: length, limit: limits.maxBodyBytes)
        }
        let request = try HTTPRequest(
            method: method, target: target, version: version, headers: headers,
            remoteAddress: remoteAddress)
        let expects = version == .http1_1 && length > 0 && headers.containsToken("100-continue", in: "Expect")
        return Head(request: request, contentLength: length, awaitsContinue: expects)
    }

    /// `method SP request-target SP HTTP-version` (RFC 9112 §3).
    static func parseRequestLine(_ line: Substring) throws(HTTPParseError)
        -> (HTTPMethod, String, HTTPRequest.Version)
    {
        guard !line.utf8.contains(where: { $0 == .cr || $0 == .lf || $0 == .tab }) else {
            throw .malformedRequestLine("bare CR, LF or tab")
        }
        let parts = line.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformedRequestLine("expected method, target and version") }
        guard !parts[0].isEmpty, parts[0].utf8.allSatisfy(isTokenByte) else {
            throw .malformedRequestLine("bad method")
        }
        guard let version = HTTPRequest.Version(rawValue: String(parts[2])) else {
            if parts[2].hasPrefix("HTTP/"), parts[2].count == 8 {
                throw .unsupportedVersion(String(parts[2]))
            }
            throw .malformedRequestLine("bad version")
        }
        let method = HTTPMethod(String(parts[0]))
        return (method, try originForm(parts[1], method: method), version)
    }

    /// The target in origin-form; absolute-form is reduced to its path (RFC 9112 §3.2.2 says a server
    /// must accept it), and `*` is allowed for OPTIONS only (§3.2.4).
    static func originForm(_ target: Substring, method: HTTPMethod) throws(HTTPParseError) -> String {
        if target.hasPrefix("/") { return String(target) }
        if target == "*", method == .options { return "*" }
        for scheme in ["http://", "https://"] where target.lowercased().hasPrefix(scheme) {
            let rest = target.dropFirst(scheme.count)
            guard let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "/" }
            let path = rest[slash...]
            return path.hasPrefix("/") ? String(path) : "/" + path
        }
        throw .malformedRequestLine("target must start with /")
    }

    /// `field-name ":" OWS field-value OWS` (RFC 9112 §5); no space before the colon (§5.1).
    static func parseHeaderLine(_ line: Substring) throws(HTTPParseError) -> HTTPHeaders.Field {
        if line.first == " " || line.first == "\t" { throw .malformedHeader("obsolete line folding") }
        guard let colon = line.firstIndex(of: ":") else { throw .malformedHeader("no colon") }
        let name = line[..<colon]
        guard !name.isEmpty, name.utf8.allSatisfy(isTokenByte) else {
            throw .malformedHeader("bad field name")
        }
        let value = line[line.index(after: colon)...]
        guard !value.utf8.contains(.cr), !value.utf8.contains(.lf) else {
            throw .malformedHeader("bare CR or LF")
        }
        return HTTPHeaders.Field(
            name: String(name), value: value.trimmingCharacters(in: CharacterSet(charactersIn: " \t")))
    }

    /// The declared body length: 0 if absent; repeated values must agree (RFC 9112 §6.3, rule 5).
    static func contentLength(_ headers: HTTPHeaders) throws(HTTPParseError) -> Int {
        var length: Int?
        for value in headers.values(for: "Content-Length") {
            for element in value.split(separator: ",", omittingEmptySubsequences: false) {
                let digits = element.trimmingCharacters(in: .whitespaces)
                guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                    throw .invalidContentLength("not a decimal number")
                }
                // More digits than fit an Int is certainly over any limit; say so rather than overflow.
                let parsed = digits.count > 18 ? Int.max : Int(digits) ?? Int.max
                if let length, length != parsed { throw .invalidContentLength("conflicting values") }
                length = parsed
            }
        }
        return length ?? 0
    }

    /// `tchar` of RFC 9110 §5.6.2: the characters of a method or header name.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}

extension UInt8 {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let tab = UInt8(ascii: "\t")
}

extension HTTPHeaders {
    mutating func add(contentsOf field: Field) {
        add(field.name, field.value)
    }
}
