import APIClient
import Console
import Foundation
import Replica
import SandboxServer

/// Opens a session: the configured server and its replica, or the embedded demo.
enum SessionOpener {
    /// A ready session; `sandbox` is the embedded server to stop at the end, if any.
    struct Opened {
        let connection: Connection
        let replica: Replica
        let sandbox: SandboxServer?
    }

    /// The server URL: `FINCORE_API_URL`, else the one `fincore login --url` saved.
    static func configuredURL(environment: [String: String]) throws -> String? {
        if let url = environment["FINCORE_API_URL"], !url.isEmpty { return url }
        let path = try ReplicaLocation.baseDirectory(environment: environment) + "/api-url"
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let url = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return url.isEmpty ? nil : url
    }

    static func open(environment: [String: String]) async throws -> Opened {
        guard let urlText = try configuredURL(environment: environment) else {
            let (server, url, directory) = try await EmbeddedSandbox.start(environment: environment)
            guard let key = APIKey(EmbeddedSandbox.key) else { throw StartupError("the demo key is unusable") }
            let connection = Connection(serverURL: url.absoluteString, isDemo: true, api: APIClient(baseURL: url, key: key),
                                        replicaDirectory: directory)
            return Opened(connection: connection, replica: try Replica(location: ReplicaLocation(directory: directory)),
                          sandbox: server)
        }
        guard let url = URL(string: urlText), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw StartupError("FINCORE_API_URL is not an http(s) URL: \(urlText)", status: .usage)
        }
        guard let keyText = try Credentials.key(environment: environment) else {
            throw StartupError("no API key for \(urlText): set FINCORE_API_KEY or run 'fincore login'", status: .authentication)
        }
        guard let key = APIKey(keyText) else {
            throw StartupError("the API key is not usable (empty or not header-safe)", status: .authentication)
        }
        let location = try ReplicaLocation(serverURL: urlText, keyFingerprint: ReplicaLocation.fingerprint(ofKey: keyText),
                                           environment: environment)
        let connection = Connection(serverURL: urlText, isDemo: false, api: APIClient(baseURL: url, key: key),
                                    replicaDirectory: location.directory)
        return Opened(connection: connection, replica: try Replica(location: location), sandbox: nil)
    }
}
