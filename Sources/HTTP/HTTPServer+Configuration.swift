extension HTTPServer {
    /// Where the server listens, its timeouts and its request limits.
    public struct Configuration: Sendable {
        /// An IP literal or `localhost`; the default is the IPv4 loopback.
        public var host: String
        /// 0 asks the kernel for a free port; `HTTPServer.start()` returns the one bound.
        public var port: UInt16
        /// Seconds of silence allowed in the middle of a request (and before a new connection's first
        /// byte) before the connection is closed.
        public var readTimeout: Double
        /// Seconds an idle keep-alive connection is kept between requests.
        public var keepAliveTimeout: Double
        /// Seconds a blocked write may wait for a client that does not read.
        public var writeTimeout: Double
        public var limits: HTTPRequestParser.Limits
        public var backlog: Int32

        public init(
            host: String = "127.0.0.1", port: UInt16 = 0, readTimeout: Double = 10,
            keepAliveTimeout: Double = 30, writeTimeout: Double = 30,
            limits: HTTPRequestParser.Limits = .init(), backlog: Int32 = 1024
        ) {
            self.host = host
            self.port = port
            self.readTimeout = readTimeout
            self.keepAliveTimeout = keepAliveTimeout
            self.writeTimeout = writeTimeout
            self.limits = limits
            self.backlog = backlog
        }
    }
}
