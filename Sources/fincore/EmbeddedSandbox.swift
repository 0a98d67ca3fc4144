import Foundation
import Replica
import SandboxServer

/// The default when nothing is configured: the sandbox server in this process, on a free
/// loopback port, with demo data, and a demo replica of its own.
///
/// The sandbox keeps its data in memory, so the demo replica is made fresh at each start:
/// a replica of yesterday's demo server would hold ids today's server has never seen.
enum EmbeddedSandbox {
    /// Demo clients seeded; enough for lists to be worth paging, quick to start.
    static let demoClients = 200

    /// Starts the server and returns it with its URL and the demo replica's (empty) directory.
    static func start(environment: [String: String]) async throws -> (server: SandboxServer, url: URL, directory: String) {
        var configuration = SandboxConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.demoClients = demoClients
        let server = try SandboxServer(configuration: configuration)
        let url = try await server.start()
        let directory = try ReplicaLocation.baseDirectory(environment: environment) + "/demo"
        // Fresh each start; force because the demo server that had these edits is gone.
        try ReplicaLocation(directory: directory).wipe(force: true)
        return (server, url, directory)
    }

    /// The demo key the sandbox accepts (not a secret: it only opens the local demo server).
    static var key: String { SandboxConfiguration.demoAPIKey }
}
