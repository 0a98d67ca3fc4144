import Foundation

/// A producer of a streamed body: called repeatedly, returns the next chunk, or nil at the end.
///
/// Called from the connection's own thread one chunk at a time, so a large export never sits in
/// memory whole; a thrown error ends the response by closing the connection without the last chunk,
/// which a client sees as a truncated body rather than a complete one.
public typealias HTTPChunkProducer = @Sendable () async throws -> Data?

/// The body of a response: bytes known in advance, or chunks written as they are produced.
public enum HTTPBody: Sendable {
    /// Sent with `Content-Length`.
    case data(Data)
    /// Sent with `Transfer-Encoding: chunked` (RFC 9112 §7.1); to HTTP/1.0 clients, as raw bytes
    /// until the connection closes (RFC 9112 §6.3, rule 8).
    case stream(HTTPChunkProducer)
}
