/// Something the client did, for a log or a benchmark: never the key, never a body.
public enum APIEvent: Sendable, Hashable, CustomStringConvertible {
    /// An attempt is going out, with its headers (`Authorization` redacted).
    case sending(request: String, attempt: Int, headers: [String: String])
    /// An answer arrived.
    case received(request: String, status: Int, replayed: Bool, elapsed: Duration)
    /// An attempt failed and will be sent again after `after`.
    case retrying(request: String, attempt: Int, after: Duration, error: APIError)
    /// The call failed for good.
    case failed(request: String, error: APIError)

    public var description: String {
        switch self {
        case .sending(let request, let attempt, let headers):
            let shown = headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            return "→ \(request) #\(attempt) [\(shown)]"
        case .received(let request, let status, let replayed, let elapsed):
            return "← \(request) \(status)\(replayed ? " (replayed)" : "") in \(elapsed)"
        case .retrying(let request, let attempt, let after, let error):
            return "↻ \(request) #\(attempt) failed (\(error)); retrying in \(after)"
        case .failed(let request, let error):
            return "✗ \(request): \(error)"
        }
    }

    /// `headers` with every credential-bearing value replaced by `[redacted]`.
    public static func redacted(_ headers: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        for (name, value) in headers {
            let lower = name.lowercased()
            out[name] = lower == "authorization" || lower == "proxy-authorization" || lower == "cookie"
                ? "[redacted]" : value
        }
        return out
    }
}
