/// A request that got no HTTP answer: the network, the name lookup, the connection or TLS failed.
///
/// Kept as data (the kind and the `URLError` code as evidence), never as the underlying error
/// object, whose user info could carry more of the request than should ever be printed.
public struct TransportFailure: Sendable, Hashable, CustomStringConvertible {
    /// What went wrong below HTTP.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// No network at all (airplane mode, no signal): the field agent's normal state.
        case notConnected = "not connected"
        /// The host name did not resolve.
        case dns = "host not found"
        /// Nothing listens at the address (server down, wrong port).
        case refused = "connection refused"
        /// The connection dropped or was reset mid-request: the request may have been executed.
        case connectionLost = "connection lost"
        /// No answer in time: the request may have been executed.
        case timedOut = "timed out"
        /// Bytes arrived that were not HTTP.
        case badResponse = "bad response"
        /// TLS failed (certificate, handshake): retrying will not fix it.
        case tls = "TLS failure"
        /// The caller cancelled the request.
        case cancelled
        /// Anything else (a bad URL, an unsupported scheme).
        case other
    }

    public var kind: Kind
    /// The `URLError` code, when the failure came from URLSession.
    public var urlErrorCode: Int?
    /// The request, as `METHOD path` without the query (no key, no personal data).
    public var request: String

    public init(kind: Kind, urlErrorCode: Int? = nil, request: String = "") {
        self.kind = kind
        self.urlErrorCode = urlErrorCode
        self.request = request
    }

    /// What the caller may do: a dropped or timed-out request is retried (with the same
    /// `Idempotency-Key`, so a POST that did execute is answered from the server's store).
    public var recovery: Recovery {
        switch kind {
        case .notConnected, .dns, .refused, .connectionLost, .timedOut, .badResponse: return .retry
        case .tls, .cancelled, .other: return .giveUp
        }
    }

    /// Whether the request may have reached the server and executed although no answer came
    /// (a timeout, a dropped connection, garbage instead of an answer).
    public var mayHaveExecuted: Bool {
        kind == .timedOut || kind == .connectionLost || kind == .badResponse
    }

    public var description: String {
        var text = kind.rawValue
        if let urlErrorCode { text += " (URLError \(urlErrorCode))" }
        return request.isEmpty ? text : "\(request): \(text)"
    }
}
