/// Why a request could not be parsed: data apart from text (STYLE habit 2), each case mapped to the
/// status and contract error code the server answers with before closing the connection.
public enum HTTPParseError: Error, Sendable, Equatable {
    /// The request line is not `method SP target SP version` (RFC 9112 §3).
    case malformedRequestLine(String)
    /// A header line is not `name: value`, or uses obsolete line folding (RFC 9112 §5.2).
    case malformedHeader(String)
    /// A byte outside visible ASCII (plus SP and HTAB in values) in the request line or headers,
    /// at this offset from the start of the request.
    case invalidCharacter(offset: Int)
    /// An HTTP version other than 1.0 and 1.1.
    case unsupportedVersion(String)
    /// An HTTP/1.1 request without exactly one `Host` (RFC 9112 §3.2 makes this a 400).
    case missingHost
    /// The request line and headers exceed the limit before their blank line arrived.
    case headersTooLarge(limit: Int)
    /// The declared `Content-Length` exceeds the body limit; detected before any body is read.
    case payloadTooLarge(length: Int, limit: Int)
    /// `Content-Length` is not a decimal number, or repeats with different values (RFC 9112 §6.3).
    case invalidContentLength(String)
    /// A `Transfer-Encoding` request: chunked request bodies are not supported (see
    /// `HTTPRequestParser`); RFC 9112 §6.1 answers an unsupported coding with 501.
    case unsupportedTransferEncoding(String)

    /// The status the server answers with.
    public var status: HTTPStatus {
        switch self {
        case .headersTooLarge: .headerFieldsTooLarge
        case .payloadTooLarge: .payloadTooLarge
        case .unsupportedTransferEncoding: .notImplemented
        case .unsupportedVersion: .httpVersionNotSupported
        default: .badRequest
        }
    }

    /// The contract's `error.code` (fincore-api.md, "Errors fixed here"): the table has no code for
    /// 431, 501 or 505, so those use `invalid_request` with a message that says what went wrong.
    public var code: String {
        if case .payloadTooLarge = self { return "payload_too_large" }
        return "invalid_request"
    }

    /// A message for the error body; it names no header values, which may hold credentials.
    public var message: String {
        switch self {
        case .malformedRequestLine(let why): "Malformed request line: \(why)"
        case .malformedHeader(let why): "Malformed header: \(why)"
        case .invalidCharacter(let offset): "Invalid character in the request head at byte \(offset)"
        case .unsupportedVersion(let version): "Unsupported HTTP version \(version)"
        case .missingHost: "An HTTP/1.1 request needs exactly one Host header"
        case .headersTooLarge(let limit): "Request headers too large (limit \(limit) bytes)"
        case .payloadTooLarge(let length, let limit):
            "Request body of \(length) bytes exceeds the limit of \(limit) bytes"
        case .invalidContentLength(let why): "Invalid Content-Length: \(why)"
        case .unsupportedTransferEncoding(let coding):
            "Transfer-Encoding \(coding) is not supported; send Content-Length"
        }
    }

    /// The response the server writes for this error, in the contract's error shape.
    public var response: HTTPResponse {
        var response = HTTPResponse.error(status: status, code: code, message: message)
        response.headers.set("Connection", "close")
        return response
    }
}
