import Foundation
import Glibc

/// The signing secrets of this replica's webhook endpoints, kept so that `listen` can verify
/// deliveries: one `wh_… secret` line each in `webhook-secrets`, mode 0600, in the replica's
/// private (0700) directory.
///
/// The server shows a secret only in its create answer (contract § Webhooks), so this file is the
/// only copy. Nothing here prints or logs a secret; errors name the file, never its contents. The
/// file is replaced whole (written private from the first byte, then renamed), so a reader never
/// sees half of it. Wiping the replica deletes it with the directory.
public struct WebhookSecrets: Sendable, CustomStringConvertible {
    /// The file.
    public let path: String
    private let location: ReplicaLocation

    public init(location: ReplicaLocation) {
        self.location = location
        path = location.directory + "/webhook-secrets"
    }

    public var description: String { "webhook secrets at \(path)" }

    /// Every stored `(webhook id, secret)`, in file order; empty when there is no file. A file that
    /// others may read is refused, as ssh refuses a loose private key.
    public func all() throws -> [(id: String, secret: String)] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [] }
        guard info.st_mode & 0o077 == 0 else {
            throw ReplicaError(.location, "\(path) is readable by others; run 'chmod 600 \(path)'")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReplicaError(.location, "cannot read \(path)")
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            return parts.count == 2 && !parts[1].isEmpty ? (parts[0], parts[1]) : nil
        }
    }

    /// The secrets alone, for verifying a delivery.
    public func secrets() throws -> [String] {
        try all().map(\.secret)
    }

    /// Stores (or replaces) the secret of endpoint `id`.
    public func store(_ secret: String, for id: String) throws {
        guard !id.contains(where: \.isWhitespace), !secret.contains(where: \.isWhitespace), !secret.isEmpty else {
            throw ReplicaError(.invalidObject, "a webhook id or secret with spaces cannot be stored")
        }
        try write(try all().filter { $0.id != id } + [(id, secret)])
    }

    /// Forgets the secret of endpoint `id`; returns whether there was one.
    @discardableResult
    public func remove(_ id: String) throws -> Bool {
        let entries = try all()
        let kept = entries.filter { $0.id != id }
        guard kept.count != entries.count else { return false }
        try write(kept)
        return true
    }

    private func write(_ entries: [(id: String, secret: String)]) throws {
        try location.prepareDirectory()
        let temporary = path + ".tmp"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw ReplicaError(.location, "cannot write \(temporary) (errno \(errno))") }
        let bytes = Array(entries.map { "\($0.id) \($0.secret)\n" }.joined().utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw ReplicaError(.location, "cannot write \(path) (errno \(errno))")
        }
    }
}
