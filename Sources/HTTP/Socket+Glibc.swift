import Glibc

/// The system calls behind `Socket`: each checks its result and turns -1 into a `SocketError`
/// through `SocketError.makeFailed`, so no caller sees a raw return code or errno.
extension Socket {
    init(family: Int32) throws(SocketError) {
        // SOCK_CLOEXEC so that a child process (the agent may spawn one) never inherits a connection.
        let descriptor = Glibc.socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw .makeFailed("socket") }
        self.init(descriptor: descriptor)
    }

    func setOption(_ level: Int32, _ name: Int32, _ value: Int32) throws(SocketError) {
        var value = value
        guard setsockopt(descriptor, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw .makeFailed("setsockopt")
        }
    }

    /// Disables Nagle's algorithm: a response is written whole, and waiting for an ACK before the
    /// next small write would add up to 40 ms of latency (delayed ACK) per request.
    public func setNoDelay() throws(SocketError) {
        try setOption(Int32(IPPROTO_TCP), TCP_NODELAY, 1)
    }

    /// Makes a blocked `send` give up after `seconds`, so a peer that stops reading cannot hold a
    /// connection thread (and with it `HTTPServer.stop`) forever.
    public func setSendTimeout(_ seconds: Double) throws(SocketError) {
        var time = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - seconds.rounded(.down)) * 1_000_000))
        guard setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size)) == 0
        else { throw .makeFailed("setsockopt") }
    }

    func bind(_ address: SocketAddress) throws(SocketError) {
        var address = address
        let result = withUnsafePointer(to: &address.storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(descriptor, $0, address.length) }
        }
        guard result == 0 else { throw .makeFailed("bind") }
    }

    func startListening(backlog: Int32) throws(SocketError) {
        guard Glibc.listen(descriptor, backlog) == 0 else { throw .makeFailed("listen") }
    }

    func connect(_ address: SocketAddress) throws(SocketError) {
        var address = address
        while true {
            let result = withUnsafePointer(to: &address.storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, address.length) }
            }
            if result == 0 { return }
            if errno != EINTR { throw .makeFailed("connect") }
        }
    }

    /// The port the socket is bound to: the kernel's choice when it was bound to port 0.
    public func localPort() throws(SocketError) -> UInt16 {
        var address = SocketAddress()
        let result = withUnsafeMutablePointer(to: &address.storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(descriptor, $0, &address.length)
            }
        }
        guard result == 0 else { throw .makeFailed("getsockname") }
        return address.port
    }

    /// Waits for a connection; returns it and the peer's `address:port`.
    public func accept() throws(SocketError) -> (Socket, String) {
        var address = SocketAddress()
        while true {
            let client = withUnsafeMutablePointer(to: &address.storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.accept(descriptor, $0, &address.length)
                }
            }
            if client >= 0 {
                // Not inherited from the listener; set it for the same reason as in `init(family:)`.
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                return (Socket(descriptor: client), address.description)
            }
            if errno != EINTR { throw .makeFailed("accept") }
        }
    }

    /// Whether data (or end of stream) is ready within `timeout` seconds, by poll(2).
    func waitReadable(timeout: Double) throws(SocketError) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, min(timeout * 1000, Double(Int32.max))).rounded(.up))
        while true {
            let result = poll(&entry, 1, milliseconds)
            if result >= 0 { return result > 0 }
            if errno != EINTR { throw .makeFailed("poll") }
        }
    }

    func receive(into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> Int {
        while true {
            let count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if count >= 0 { return count }
            if errno != EINTR { throw .makeFailed("recv") }
        }
    }

    /// One `send`; MSG_NOSIGNAL turns a write to a closed peer into EPIPE instead of SIGPIPE, which
    /// would otherwise kill the whole process (the agent runs the server in-process).
    func send(_ buffer: UnsafeRawBufferPointer) throws(SocketError) -> Int {
        while true {
            let count = Glibc.send(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
            if count >= 0 { return count }
            if errno != EINTR { throw .makeFailed("send") }
        }
    }

    /// Ends one or both directions; safe to call from another thread to wake a blocked reader or
    /// `accept` (on Linux a shut-down listener makes `accept` fail with EINVAL).
    public func shutdown(_ direction: Direction) {
        let how = switch direction {
        case .read: Int32(SHUT_RD)
        case .write: Int32(SHUT_WR)
        case .both: Int32(SHUT_RDWR)
        }
        // Failure means the socket is already disconnected, which is the outcome wanted.
        _ = Glibc.shutdown(descriptor, how)
    }

    /// Releases the descriptor; only its owning thread calls this, and only once.
    public func close() {
        _ = Glibc.close(descriptor)
    }
}
