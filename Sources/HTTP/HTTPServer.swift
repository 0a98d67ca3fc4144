import Foundation

/// An HTTP/1.1 server on a TCP port: accepts connections and answers each request with a handler.
///
/// Concurrency design: one accept thread, and one dedicated thread per connection doing blocking
/// reads and writes with poll(2) timeouts; each parsed request is handed to the async handler on
/// Swift's cooperative pool and the connection thread waits for the answer (see `BlockingBridge`).
/// Blocking syscalls thus never occupy the pool (two threads on this machine), which stays free for
/// handlers and for in-process URLSession clients. A thread per connection is simple, keeps each
/// connection's reads, pipelining and writes in order, and suits this server's load (tens of
/// keep-alive clients, a few thousand requests/s); a poll(2) event loop would scale to more
/// connections but needs its own scheduling of partial reads and writes.
///
/// The actor owns the server's life cycle (start, port, stop); the threads share only the
/// `ConnectionRegistry`.
public actor HTTPServer {
    public nonisolated let configuration: Configuration
    private let handler: HTTPHandler
    private var registry: ConnectionRegistry?
    private var listener: Socket?
    /// The bound port once started: the kernel's choice when configured with port 0.
    public private(set) var port: UInt16?

    public init(configuration: Configuration, handler: @escaping HTTPHandler) {
        self.configuration = configuration
        self.handler = handler
    }

    public init(host: String = "127.0.0.1", port: UInt16 = 0, handler: @escaping HTTPHandler) {
        self.init(configuration: Configuration(host: host, port: port), handler: handler)
    }

    public init(configuration: Configuration, router: Router) {
        self.init(configuration: configuration, handler: router.handle)
    }

    public init(host: String = "127.0.0.1", port: UInt16 = 0, router: Router) {
        self.init(configuration: Configuration(host: host, port: port), router: router)
    }

    /// Whether the server is accepting connections.
    public var isRunning: Bool { listener != nil }

    /// The number of open connections (for tests and diagnostics).
    public var connectionCount: Int { registry?.connectionCount ?? 0 }

    /// The number of connections with a request in progress; `stop` waits for these.
    public var busyConnectionCount: Int { registry?.busyCount ?? 0 }

    /// Binds, listens and starts accepting; returns the bound port. Calling it again while running
    /// returns the same port.
    @discardableResult
    public func start() throws(SocketError) -> UInt16 {
        if let port, listener != nil { return port }
        let listener = try Socket.listen(host: configuration.host, port: configuration.port, backlog: configuration.backlog)
        let port: UInt16
        do {
            port = try listener.localPort()
        } catch {
            listener.close()
            throw error
        }
        let registry = ConnectionRegistry()
        registry.workerStarted()
        let acceptor = HTTPAcceptor(
            listener: listener, registry: registry, configuration: configuration, handler: handler)
        let thread = Thread { acceptor.run() }
        thread.name = "HTTPServer.accept:\(port)"
        thread.start()
        self.listener = listener
        self.registry = registry
        self.port = port
        return port
    }

    /// Stops: closes the listener (new connections are refused), closes idle connections, lets
    /// requests in flight finish and be answered with `Connection: close`, and returns when every
    /// connection thread has ended.
    public func stop() async {
        guard let listener, let registry else { return }
        self.listener = nil
        self.registry = nil
        self.port = nil
        registry.beginStopping()
        // Wakes the accept thread, which closes the listener as it leaves.
        listener.shutdown(.both)
        await registry.waitUntilFinished()
    }
}
