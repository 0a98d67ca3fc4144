import Foundation

/// One HTTP response: a status, headers and a body, plus how the server is to deliver it.
public struct HTTPResponse: Sendable {
    /// How the server delivers the response: normally, or with a deliberate fault that the sandbox
    /// injects so that clients can be tested against broken networks.
    public enum Disposition: Sendable, Equatable {
        /// Write the whole response.
        case normal
        /// Close the connection without writing anything: the client sees the connection drop after
        /// sending its request, so it cannot know whether the request was executed.
        case dropConnection
        /// Write the status line and headers (with the full `Content-Length`) and only the first
        /// `bytes` bytes of the body, then close: the client sees a truncated body.
        case truncateBody(Int)
    }

    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: HTTPBody
    public var disposition: Disposition

    public init(
        status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: Data = Data(),
        disposition: Disposition = .normal
    ) {
        self.status = status
        self.headers = headers
        self.body = .data(body)
        self.disposition = disposition
    }

    /// A response whose body is produced chunk by chunk (e.g. an NDJSON export).
    public init(
        status: HTTPStatus = .ok, headers: HTTPHeaders = [:], stream: @escaping HTTPChunkProducer,
        disposition: Disposition = .normal
    ) {
        self.status = status
        self.headers = headers
        self.body = .stream(stream)
        self.disposition = disposition
    }

    /// A response with a UTF-8 text body and the given content type.
    public init(status: HTTPStatus = .ok, text: String, contentType: String = "text/plain; charset=utf-8") {
        self.init(status: status, headers: ["Content-Type": contentType], body: Data(text.utf8))
    }

    /// The body's bytes when it is `.data`, or nil for a stream.
    public var bodyData: Data? {
        if case .data(let data) = body { return data }
        return nil
    }
}
