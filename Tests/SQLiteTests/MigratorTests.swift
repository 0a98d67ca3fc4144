import Foundation
import SQLite
import XCTest

/// Counts calls from migration closures, which must be `@Sendable`.
private final class Log: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String] = []
    func append(_ entry: String) { lock.withLock { entries.append(entry) } }
    var all: [String] { lock.withLock { entries } }
}

final class MigratorTests: TemporaryDirectoryTestCase {
    private func makeMigrator(log: Log) -> Migrator {
        var migrator = Migrator()
        migrator.registerMigration("v1-create-clients") { db in
            log.append("v1")
            try db.execute(sql: "CREATE TABLE clients (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        }
        migrator.registerMigration("v2-add-email") { db in
            log.append("v2")
            // Fails unless v1 ran first.
            try db.execute(sql: "ALTER TABLE clients ADD COLUMN email TEXT")
        }
        migrator.registerMigration("v3-create-loans") { db in
            log.append("v3")
            try db.execute(sql: "CREATE TABLE loans (id INTEGER PRIMARY KEY, client_id INTEGER REFERENCES clients(id))")
        }
        return migrator
    }

    func testAppliesInOrderAndRecordsEachName() throws {
        let log = Log()
        let queue = try makeFileQueue()
        let migrator = makeMigrator(log: log)
        XCTAssertEqual(try queue.read { db in try migrator.pendingMigrations(db) },
                       ["v1-create-clients", "v2-add-email", "v3-create-loans"])
        try migrator.migrate(queue)
        XCTAssertEqual(log.all, ["v1", "v2", "v3"])
        try queue.read { db in
            XCTAssertEqual(try migrator.appliedMigrations(db), ["v1-create-clients", "v2-add-email", "v3-create-loans"])
            XCTAssertFalse(try migrator.hasPendingMigrations(db))
            XCTAssertEqual(
                try db.fetchAll(String.self, sql: "SELECT name FROM pragma_table_info('clients') ORDER BY cid"),
                ["id", "name", "email"])
        }
    }

    func testReRunAppliesNothingTwiceAndPicksUpNewMigrations() throws {
        let log = Log()
        let path = directory.path("rerun.sqlite")
        var migrator = makeMigrator(log: log)
        try migrator.migrate(DatabaseQueue(path: path))
        try migrator.migrate(DatabaseQueue(path: path))
        XCTAssertEqual(log.all, ["v1", "v2", "v3"])

        migrator.registerMigration("v4-index-names") { db in
            log.append("v4")
            try db.execute(sql: "CREATE INDEX clients_name ON clients(name)")
        }
        let queue = try DatabaseQueue(path: path)
        XCTAssertEqual(try queue.read { db in try migrator.pendingMigrations(db) }, ["v4-index-names"])
        try migrator.migrate(queue)
        XCTAssertEqual(log.all, ["v1", "v2", "v3", "v4"])
    }

    func testNewerSchemaOnDiskIsRefusedWithoutChanges() throws {
        let path = directory.path("newer.sqlite")
        var newer = makeMigrator(log: Log())
        newer.registerMigration("v4-from-the-future") { db in try db.execute(sql: "CREATE TABLE future (x)") }
        try newer.migrate(DatabaseQueue(path: path))

        var older = Migrator()
        older.registerMigration("v1-create-clients") { _ in XCTFail("must not run") }
        let queue = try DatabaseQueue(path: path)
        let error = assertThrows(MigrationError.self) { try older.migrate(queue) }
        guard case .schemaTooNew(let unknown) = error else {
            return XCTFail("expected schemaTooNew, got \(String(describing: error))")
        }
        XCTAssertEqual(unknown, ["v2-add-email", "v3-create-loans", "v4-from-the-future"])
        XCTAssertEqual(
            error?.description,
            "database schema is newer than this program: unknown migration(s) v2-add-email, v3-create-loans, v4-from-the-future")
        let pendingError = assertThrows(MigrationError.self) { try queue.read { db in try older.pendingMigrations(db) } }
        XCTAssertNotNil(pendingError)
    }

    func testFailingMigrationIsRolledBackAndNamed() throws {
        var migrator = Migrator()
        migrator.registerMigration("v1") { db in try db.execute(sql: "CREATE TABLE a (x)") }
        migrator.registerMigration("v2-broken") { db in
            try db.execute(sql: "CREATE TABLE b (y)")
            try db.execute(sql: "INSERT INTO nowhere VALUES (1)")
        }
        let queue = try makeFileQueue()
        let error = assertThrows(MigrationError.self) { try migrator.migrate(queue) }
        guard case .failed(let name, let underlying as SQLiteError) = error else {
            return XCTFail("expected failed with a SQLiteError, got \(String(describing: error))")
        }
        XCTAssertEqual(name, "v2-broken")
        XCTAssertEqual(underlying.message, "no such table: nowhere")
        try queue.read { db in
            XCTAssertEqual(try migrator.appliedMigrations(db), ["v1"])
            XCTAssertEqual(try migrator.pendingMigrations(db), ["v2-broken"])
            XCTAssertEqual(
                try db.fetchAll(String.self, sql: "SELECT name FROM sqlite_master WHERE name IN ('a', 'b')"), ["a"])
        }
    }

    func testDuplicateNamesAreRefused() throws {
        var migrator = Migrator()
        migrator.registerMigration("v1") { _ in }
        migrator.registerMigration("v1") { _ in }
        let error = assertThrows(MigrationError.self) { try migrator.migrate(makeMemoryQueue()) }
        XCTAssertEqual(error?.description, "migration \"v1\" is registered twice")
    }

    func testMigratingInsideATransactionIsRefused() throws {
        let error = assertThrows(MigrationError.self) {
            try makeMemoryQueue().transaction { db in try makeMigrator(log: Log()).migrate(db) }
        }
        XCTAssertEqual(error?.description, "migrations cannot run inside a transaction")
    }

    func testFreshDatabaseHasNoMigrationTableUntilMigrated() throws {
        let queue = try makeMemoryQueue()
        let migrator = makeMigrator(log: Log())
        try queue.read { db in
            XCTAssertTrue(try migrator.hasPendingMigrations(db))
            XCTAssertEqual(try db.fetchOne(Int64.self, sql: "SELECT count(*) FROM sqlite_master"), 0)
        }
    }
}
