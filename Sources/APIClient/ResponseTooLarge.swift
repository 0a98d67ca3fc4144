/// A transport's refusal to hold an answer whose body is over its cap: the head that came, the
/// cap, and how many bytes had arrived when reading stopped.
///
/// Thrown by `HTTPTransport.send`; the client turns it into `MalformedResponse.Problem.tooLarge`
/// with the answer's status, so the caller sees an HTTP-level failure, not a lost connection.
public struct ResponseTooLarge: Error, Sendable, Hashable {
    public var head: HTTPResponseHead
    /// The cap, in bytes.
    public var limit: Int
    /// Bytes received before reading stopped (0 when `Content-Length` alone was over the cap).
    public var received: Int

    public init(head: HTTPResponseHead, limit: Int, received: Int) {
        self.head = head
        self.limit = limit
        self.received = received
    }
}
