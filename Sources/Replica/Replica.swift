import FincoreModel
import Foundation
import SQLite

/// The local replica of one server's data for one key: server state, the user's view, the
/// outbox and the sync state, in one SQLite file.
///
/// Every method runs on the replica's single writer queue, so edits, downloads and the sync
/// engine's outbox calls are serialized without locks of their own. Each edit commits with its
/// outbox entry in one `IMMEDIATE` transaction on a connection opened with `synchronous=FULL`:
/// when an edit method returns, the edit survives a power cut
/// (<https://www.sqlite.org/pragma.html#pragma_synchronous>). `secure_delete` is on because the
/// file holds KYC data that a purge must really remove.
public final class Replica: Sendable {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue
    /// The clock stamped on local edits (`created_at` of entries, `verified_at` of an offline
    /// KYC verification); injectable so tests are exact.
    let clock: @Sendable () -> Timestamp

    /// Opens (creating if needed) the replica at `path` and brings its schema up to date.
    ///
    /// A file written by a newer program is refused with `ReplicaError.schemaTooNew`, before
    /// anything in it is touched.
    public init(path: String, clock: @escaping @Sendable () -> Timestamp = { Timestamp.now() }) throws {
        self.path = path
        self.clock = clock
        queue = try DatabaseQueue(path: path, configuration: Database.Configuration(
            synchronous: .full, secureDelete: true))
        do {
            try ReplicaSchema.migrator.migrate(queue)
        } catch MigrationError.schemaTooNew(let unknown) {
            throw ReplicaError(.schemaTooNew, "the replica at \(path) was written by a newer version of fincore "
                + "(unknown schema migration\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", "))); "
                + "upgrade fincore, or wipe this replica and sync again")
        }
    }

    /// Opens the replica that belongs to a server and key (see `ReplicaLocation`), creating its
    /// private directory first.
    public convenience init(location: ReplicaLocation, clock: @escaping @Sendable () -> Timestamp = { Timestamp.now() }) throws {
        try location.prepareDirectory()
        try self.init(path: location.databasePath, clock: clock)
    }

    /// The names of the schema migrations applied, in order (for diagnostics).
    public func appliedMigrations() throws -> [String] {
        try queue.read { db in try ReplicaSchema.migrator.appliedMigrations(db) }
    }

    /// `PRAGMA integrity_check`: `["ok"]` for a sound file.
    public func integrityCheck() throws -> [String] {
        try queue.read { db in try db.integrityCheck() }
    }

    /// Reads through the writer's connection (read-only while `body` runs).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.read(body)
    }

    /// Runs `body` in one immediate transaction: all of it commits, or none.
    func transaction<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.transaction(.immediate, body)
    }
}
