import APIClient
import Foundation

/// Which server this session talks to: a real one from the environment, or the embedded demo.
struct Connection: Sendable {
    /// The base URL as shown to the user (never with a key).
    let serverURL: String
    /// True for the in-process demo sandbox.
    let isDemo: Bool
    /// The API client; nil only when no server could be reached at start-up.
    let api: APIClient?
    /// Where the replica of this server and key lives.
    let replicaDirectory: String

    /// One word for prompts and `status`.
    var label: String { isDemo ? "demo" : serverURL }
}
