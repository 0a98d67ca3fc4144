import Foundation

/// Everything an operator sets when starting the sandbox (`fincore sandbox --help` lists them).
public struct SandboxConfiguration: Sendable {
    /// The demo key a fresh machine accepts when `FINCORE_SANDBOX_API_KEYS` is unset (documented in the README).
    public static let demoAPIKey = "sk_test_fincore_demo"

    public var host = "127.0.0.1"
    /// 0 takes a free port; the server reports the one it bound.
    public var port: UInt16 = 0
    /// A database file so that the server survives a restart; nil keeps everything in memory.
    public var dataPath: String?
    /// How many demo clients to seed (with loans and payments); 0 seeds nothing.
    public var demoClients = 0
    /// The seed of demo data and of fault draws: the same seed gives the same data and faults.
    public var seed: UInt64 = 1
    /// The rate-limit window in seconds (60 like the real API; 0 turns limiting off).
    public var rateWindowSeconds: Double = 60
    /// False answers 404 for the optional parts of the contract (reports), as a server without them.
    public var optionalFeatures = true
    public var faults = FaultConfiguration()
    /// Bearer keys the API accepts.
    public var apiKeys: Set<String> = [demoAPIKey]
    /// The key the `/_sandbox/` operator routes need; nil disables those routes.
    public var adminKey: String?
    /// Seconds before a non-cash payment settles (the contract lets the operator choose; default 2).
    public var settlementDelaySeconds: Double = 2
    /// Seconds a connection may take to send a whole request before it is closed.
    public var readTimeoutSeconds: Double = 10

    public init() {}

    /// Keys from `FINCORE_SANDBOX_API_KEYS` (comma-separated) and `FINCORE_SANDBOX_ADMIN_KEY`,
    /// falling back to the demo key. Keys are never logged: only their count is ever reported.
    public mutating func readKeys(from environment: [String: String]) {
        if let list = environment["FINCORE_SANDBOX_API_KEYS"] {
            let keys = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            if !keys.isEmpty { apiKeys = Set(keys) }
        }
        if let admin = environment["FINCORE_SANDBOX_ADMIN_KEY"], !admin.isEmpty {
            adminKey = admin
        }
    }
}
