import Foundation

/// The accept loop: a thread of its own, because `accept` blocks.
struct HTTPAcceptor: Sendable {
    let listener: Socket
    let registry: ConnectionRegistry
    let configuration: HTTPServer.Configuration
    let handler: HTTPHandler

    func run() {
        defer {
            listener.close()
            registry.workerFinished()
        }
        while !registry.isStopping {
            let client: Socket
            let peer: String
            do {
                (client, peer) = try listener.accept()
            } catch {
                if registry.isStopping { return }
                // Out of descriptors (EMFILE) or an aborted handshake: pause briefly rather than spin.
                Thread.sleep(forTimeInterval: 0.01)
                continue
            }
            guard let id = registry.register(client) else {
                client.close()
                return
            }
            try? client.setNoDelay()
            try? client.setSendTimeout(configuration.writeTimeout)
            let connection = HTTPConnection(
                socket: client, peer: peer, id: id, registry: registry,
                configuration: configuration, handler: handler)
            let thread = Thread { connection.run() }
            // Connection threads only parse and copy; a small stack lets many coexist cheaply.
            thread.stackSize = 512 * 1024
            thread.start()
        }
    }
}
