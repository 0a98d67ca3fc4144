import FincoreModel
import Foundation
import HTTP

/// The project's Fincore API server: the whole contract on the `HTTP` server and a `SandboxStore`,
/// with demo data and faults on demand. `fincore sandbox` runs it; the REPL embeds it.
public final class SandboxServer: Sendable {
    public let configuration: SandboxConfiguration
    let store: SandboxStore
    let faults: FaultInjector
    let stats = SandboxStats()
    let dispatcher: WebhookDispatcher
    let writers: BackgroundWriters
    let settler: PaymentSettler
    private let server: HTTPServer

    /// Opens (or creates) the store; nothing listens until `start()`.
    public init(configuration: SandboxConfiguration) throws {
        self.configuration = configuration
        store = try SandboxStore(path: configuration.dataPath)
        faults = FaultInjector(configuration: configuration.faults, seed: configuration.seed)
        if configuration.demoClients > 0 {
            try DemoSeeder.seed(store, clients: configuration.demoClients, seed: configuration.seed)
        }
        let dispatcher = WebhookDispatcher(store: store, seed: configuration.seed)
        dispatcher.chaos = .init(configuration.faults)
        let writers = BackgroundWriters(store: store, faults: faults, seed: configuration.seed,
                                        onCommit: { dispatcher.publish($0) })
        self.dispatcher = dispatcher
        self.writers = writers
        settler = PaymentSettler(store: store, delaySeconds: configuration.settlementDelaySeconds,
                                 onCommit: { dispatcher.publish($0) })
        let admin = AdminEndpoints(store: store, faults: faults, stats: stats,
                                   onFaultsChanged: { faults in
                                       writers.update(count: faults.writers)
                                       dispatcher.chaos = .init(faults)
                                   })
        let pipeline = SandboxPipeline(
            configuration: configuration, store: store, routeTable: Self.routeTable,
            faults: faults, stats: stats, admin: admin, onCommit: { dispatcher.publish($0) })
        var http = HTTPServer.Configuration(host: configuration.host, port: configuration.port)
        http.readTimeout = configuration.readTimeoutSeconds
        server = HTTPServer(configuration: http) { request in await pipeline.handle(request) }
    }

    /// Every route of the contract, in table order.
    static var routeTable: [SandboxRoute] {
        ClientEndpoints.routes + LoanEndpoints.routes + PaymentEndpoints.routes
            + PaymentLinkEndpoints.routes + ReportEndpoints.routes + WebhookEndpoints.routes
    }

    /// Starts listening; returns the base URL with the version, e.g. `http://127.0.0.1:8080/v1/`.
    @discardableResult
    public func start() async throws -> URL {
        let port = try await server.start()
        settler.start()
        writers.update(count: faults.configuration.writers)
        guard let url = URL(string: "http://\(configuration.host):\(port)/v1/") else {
            throw SandboxError.badAddress(configuration.host)
        }
        return url
    }

    /// Stops listening and lets in-flight requests finish.
    public func stop() async {
        await server.stop()
        await writers.stop()
        await settler.stop()
        await dispatcher.stop()
    }
}

/// Why the sandbox could not start.
public enum SandboxError: Error, CustomStringConvertible {
    case badAddress(String)

    public var description: String {
        switch self {
        case .badAddress(let host): return "cannot listen on host '\(host)'"
        }
    }
}
