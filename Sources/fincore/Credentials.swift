import Foundation
import Glibc
import Replica

/// Where the API key comes from: `FINCORE_API_KEY`, else a private key file (`fincore login`).
///
/// The key is a secret (contract: "Keys are secrets"): it is never taken from a command-line
/// argument (argv is visible to every user in `ps`), never printed, and its file must be 0600.
enum Credentials {
    /// The key file: `FINCORE_API_KEY_FILE`, else `<base>/api-key`.
    static func keyFilePath(environment: [String: String]) throws -> String {
        if let path = environment["FINCORE_API_KEY_FILE"], !path.isEmpty { return path }
        return try ReplicaLocation.baseDirectory(environment: environment) + "/api-key"
    }

    /// The key, or nil when none is configured. A key file others can read is refused, as ssh
    /// refuses a private key with loose permissions.
    static func key(environment: [String: String]) throws -> String? {
        if let key = environment["FINCORE_API_KEY"]?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty {
            return key
        }
        let path = try keyFilePath(environment: environment)
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        if info.st_mode & 0o077 != 0 {
            throw StartupError("the key file \(path) is readable by others; run 'chmod 600 \(path)'")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StartupError("cannot read the key file \(path)")
        }
        let key = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return key.isEmpty ? nil : key
    }

    /// Writes the key file with mode 0600 from the first byte (created private, then renamed
    /// over the old one so a reader never sees half a key).
    static func store(_ key: String, environment: [String: String]) throws -> String {
        let path = try keyFilePath(environment: environment)
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let temporary = path + ".tmp"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw StartupError("cannot write \(temporary) (errno \(errno))") }
        let bytes = Array((key + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == bytes.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw StartupError("cannot write the key file \(path) (errno \(errno))")
        }
        return path
    }
}
