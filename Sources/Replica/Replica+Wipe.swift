import Foundation
import SQLite

/// Deleting a whole replica, refused while edits would be lost.
extension ReplicaLocation {
    /// Deletes the replica's directory (database, -wal, -shm). Refuses with
    /// `ReplicaError.unpushedEdits`, saying how many, while the outbox holds entries the server
    /// has not accepted, unless `force` is true. Close every `Replica` on it first. Returns the
    /// number of unpushed edits that were discarded.
    @discardableResult
    public func wipe(force: Bool = false) throws -> Int {
        var unpushed = 0
        if exists {
            let queue = try DatabaseQueue(path: databasePath, configuration: Database.Configuration(readOnly: true))
            unpushed = try queue.read { db in
                let hasOutbox = try db.fetchOne(Int.self, sql: """
                    SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'outbox'
                    """) == 1
                return hasOutbox ? try OutboxStore.unpushedCount(db) : 0
            }
        }
        if unpushed > 0 && !force {
            throw ReplicaError(.unpushedEdits, "the replica holds \(unpushed) unpushed edit\(unpushed == 1 ? "" : "s") "
                + "that would be lost; sync first, or wipe with force")
        }
        do {
            if FileManager.default.fileExists(atPath: directory) { try FileManager.default.removeItem(atPath: directory) }
        } catch {
            throw ReplicaError(.location, "cannot delete \(directory): \(error.localizedDescription)")
        }
        return unpushed
    }
}
