import Glibc

/// A failed socket operation, carrying the call and the errno evidence (STYLE habit 1).
public enum SocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed: its name, errno and the system's text for it.
    case failed(call: String, errno: Int32, message: String)
    /// A host that is not an IPv4 or IPv6 literal (or `localhost`): no DNS here, by design.
    case invalidAddress(String)
    /// Nothing arrived within the read timeout.
    case timedOut
    /// The peer closed the connection, or it was shut down locally.
    case disconnected

    /// The one place that turns errno into an error value (STYLE habit 6): call right after a system
    /// call returned -1, before anything else can overwrite errno.
    static func makeFailed(_ call: String) -> SocketError {
        let code = errno
        if code == EAGAIN || code == EWOULDBLOCK { return .timedOut }
        if code == EPIPE || code == ECONNRESET || code == ENOTCONN { return .disconnected }
        return .failed(call: call, errno: code, message: String(cString: strerror(code)))
    }

    public var description: String {
        switch self {
        case .failed(let call, let code, let message): "\(call) failed: \(message) (errno \(code))"
        case .invalidAddress(let host): "not an IP address: \(host)"
        case .timedOut: "timed out"
        case .disconnected: "disconnected"
        }
    }
}
