import Foundation
import HTTP

/// The webhook receiver on the project's `HTTP` server: every `POST` goes to a `WebhookInbox`.
///
/// `fincore listen` runs one in the foreground; `listen on|off` runs one in the REPL's process.
/// An actor because the REPL's commands and its exit share it.
actor WebhookListener {
    let inbox: WebhookInbox
    private var server: HTTPServer?
    /// The URL to register with `webhook add` while listening (`http://HOST:PORT/`).
    private(set) var url: String?

    init(inbox: WebhookInbox) {
        self.inbox = inbox
    }

    var isRunning: Bool { server != nil }

    /// Starts listening on `host:port` (port 0: a free one) and returns the URL; while running, the
    /// current URL.
    func start(host: String, port: UInt16) async throws -> String {
        if let url, server != nil { return url }
        // Any path: whatever path the endpoint was registered with, its deliveries reach the inbox.
        let inbox = inbox
        let server = HTTPServer(configuration: HTTPServer.Configuration(host: host, port: port)) { request in
            guard request.method == .post else {
                return .error(status: .methodNotAllowed, code: "method_not_allowed",
                              message: "Webhook deliveries are POSTed", headers: ["Allow": "POST"])
            }
            return await inbox.handle(request)
        }
        let bound = try await server.start()
        // An IPv6 literal needs brackets in a URL (RFC 3986 §3.2.2).
        let shown = host.contains(":") ? "[\(host)]" : host
        let url = "http://\(shown):\(bound)/"
        self.server = server
        self.url = url
        return url
    }

    /// Stops listening; requests in flight are answered first.
    func stop() async {
        guard let server else { return }
        self.server = nil
        url = nil
        await server.stop()
    }
}
