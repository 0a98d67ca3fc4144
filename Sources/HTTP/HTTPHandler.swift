/// What answers requests: called once per request on Swift's cooperative pool, never on a thread
/// that blocks on sockets.
public typealias HTTPHandler = @Sendable (HTTPRequest) async -> HTTPResponse
