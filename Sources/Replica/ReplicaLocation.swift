import Foundation
import Glibc

/// Where the replica of one server and API key lives: a private directory whose name is a hash.
///
/// The directory is `<base>/replicas/<hash>` where `<base>` is `FINCORE_HOME`, else
/// `$XDG_DATA_HOME/fincore`, else `~/.local/share/fincore` (XDG Base Directory spec), and
/// `<hash>` is SHA-256 of the server URL and a fingerprint of the key. The key itself is never
/// written anywhere, not even hashed into a name by itself: callers pass `keyFingerprint`, and
/// `fingerprint(ofKey:)` is there to make one. Directories are 0700, files 0600.
public struct ReplicaLocation: Hashable, Sendable {
    /// The replica's private directory.
    public let directory: String

    /// The database file inside `directory`.
    public var databasePath: String { directory + "/replica.sqlite" }

    /// The location for `serverURL` and a key fingerprint, under the base directory the
    /// environment selects.
    public init(serverURL: String, keyFingerprint: String,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let base = try Self.baseDirectory(environment: environment)
        directory = base + "/replicas/" + Self.directoryName(serverURL: serverURL, keyFingerprint: keyFingerprint)
    }

    /// A location at an explicit directory (tests, a `--replica-dir` option).
    public init(directory: String) {
        self.directory = directory
    }

    /// The name for a server and key: 32 hex digits of SHA-256 over the normalized URL and the
    /// fingerprint, so that neither can be read back from the file system.
    public static func directoryName(serverURL: String, keyFingerprint: String) -> String {
        var url = serverURL.trimmingCharacters(in: .whitespaces).lowercased()
        while url.hasSuffix("/") { url.removeLast() }
        return String(SHA256.hex(Array("fincore-replica\u{0}\(url)\u{0}\(keyFingerprint)".utf8)).prefix(32))
    }

    /// A fingerprint of an API key: 16 hex digits of a domain-separated SHA-256. Enough to tell
    /// keys apart, far too little to recover one.
    public static func fingerprint(ofKey key: String) -> String {
        String(SHA256.hex(Array("fincore-key-fingerprint\u{0}\(key)".utf8)).prefix(16))
    }

    /// `FINCORE_HOME`, else `$XDG_DATA_HOME/fincore`, else `$HOME/.local/share/fincore`.
    public static func baseDirectory(environment: [String: String]) throws -> String {
        if let home = environment["FINCORE_HOME"], !home.isEmpty { return home }
        // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/fincore" }
        guard let home = environment["HOME"], home.hasPrefix("/") else {
            throw ReplicaError(.location, "cannot place the replica: set FINCORE_HOME, XDG_DATA_HOME or HOME")
        }
        return home + "/.local/share/fincore"
    }

    /// Creates the directory (and missing parents) with mode 0700 and tightens it to 0700 if it
    /// exists with a wider mode.
    public func prepareDirectory() throws {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                        attributes: [.posixPermissions: 0o700])
        } catch {
            throw ReplicaError(.location, "cannot create the replica directory \(directory): \(error.localizedDescription)")
        }
        // The parent `replicas` directory lists which servers this user syncs with: private too.
        for path in [directory, (directory as NSString).deletingLastPathComponent] where chmod(path, 0o700) != 0 {
            throw ReplicaError(.location, "cannot make \(path) private (errno \(errno))")
        }
    }

    /// Whether a replica file exists here.
    public var exists: Bool { FileManager.default.fileExists(atPath: databasePath) }
}
