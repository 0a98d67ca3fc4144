import Foundation
import SQLite
import XCTest

final class OpeningTests: TemporaryDirectoryTestCase {
    func testFileDatabaseHasTheConfiguredPragmas() throws {
        let queue = try makeFileQueue(configuration: .init(synchronous: .full, busyTimeout: .milliseconds(1500)))
        try queue.read { db in
            XCTAssertEqual(try db.fetchOne(String.self, sql: "PRAGMA journal_mode"), "wal")
            XCTAssertEqual(try db.fetchOne(Int64.self, sql: "PRAGMA foreign_keys"), 1)
            XCTAssertEqual(try db.fetchOne(Int64.self, sql: "PRAGMA busy_timeout"), 1500)
            // 2 is FULL (https://www.sqlite.org/pragma.html#pragma_synchronous).
            XCTAssertEqual(try db.fetchOne(Int64.self, sql: "PRAGMA synchronous"), 2)
            XCTAssertEqual(try db.fetchOne(Int64.self, sql: "PRAGMA secure_delete"), 0)
        }
    }

    func testNormalSynchronousAndSecureDeleteOptions() throws {
        let queue = try makeFileQueue(configuration: .init(synchronous: .normal, secureDelete: true))
        try queue.read { db in
            XCTAssertEqual(try db.fetchOne(Int64.self, sql: "PRAGMA synchronous"), 1)
            XCTAssertEqual(try db.fetchOne(Int64.self, sql: "PRAGMA secure_delete"), 1)
        }
    }

    func testInMemoryDatabaseOpensWithForeignKeys() throws {
        let queue = try makeMemoryQueue()
        try queue.read { db in
            XCTAssertEqual(try db.fetchOne(String.self, sql: "PRAGMA journal_mode"), "memory")
            XCTAssertEqual(try db.fetchOne(Int64.self, sql: "PRAGMA foreign_keys"), 1)
        }
    }

    func testNewFileAndItsWALAndSHMAreOwnerOnlyWhateverTheUmask() throws {
        // A zero umask would let SQLite's default 0644 through unchanged.
        let previous = umask(0)
        defer { umask(previous) }
        let path = directory.path("private.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1)")
        }
        XCTAssertEqual(permissions(ofFile: path), 0o600)
        XCTAssertEqual(permissions(ofFile: path + "-wal"), 0o600)
        XCTAssertEqual(permissions(ofFile: path + "-shm"), 0o600)
    }

    func testExistingFileKeepsItsMode() throws {
        let path = directory.path("existing.sqlite")
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o640]))
        _ = try DatabaseQueue(path: path)
        XCTAssertEqual(permissions(ofFile: path), 0o640)
    }

    func testOpeningInAMissingDirectoryIsAnErrorValue() throws {
        let error = assertThrows(SQLiteError.self) {
            try DatabaseQueue(path: directory.path("missing/dir/db.sqlite"))
        }
        XCTAssertEqual(error?.resultCode, .cantOpen)
        XCTAssertEqual(error?.message, "cannot create database file: No such file or directory")
    }

    func testOpeningAFileThatIsNotADatabaseIsAnErrorValue() throws {
        let path = directory.path("garbage.sqlite")
        let garbage = Data(repeating: 0x41, count: 4096)
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: garbage))
        let error = assertThrows(SQLiteError.self) { try DatabaseQueue(path: path) }
        XCTAssertEqual(error?.resultCode, .notADatabase)
        XCTAssertEqual(error?.message, "file is not a database")
    }

    func testReadOnlyConnectionReadsButCannotWrite() throws {
        let path = directory.path("shared.sqlite")
        let writer = try DatabaseQueue(path: path)
        try writer.write { db in try db.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (42)") }
        let reader = try DatabaseQueue(path: path, configuration: .init(readOnly: true))
        XCTAssertEqual(try reader.read { db in try db.fetchOne(Int64.self, sql: "SELECT x FROM t") }, 42)
        let error = assertThrows(SQLiteError.self) {
            try reader.write { db in try db.execute(sql: "INSERT INTO t VALUES (1)") }
        }
        XCTAssertEqual(error?.resultCode, .readOnly)
    }

    func testCheckpointTruncateEmptiesTheWALFile() throws {
        let path = directory.path("wal.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (x TEXT)")
            for index in 0..<100 {
                try db.execute(sql: "INSERT INTO t VALUES (?)", arguments: ["personal \(index)"])
            }
        }
        XCTAssertGreaterThan(size(ofFile: path + "-wal") ?? 0, 0)
        try queue.write { db in try db.checkpointTruncatingWAL() }
        XCTAssertEqual(size(ofFile: path + "-wal"), 0)
        XCTAssertEqual(try queue.read { db in try db.fetchOne(Int64.self, sql: "SELECT count(*) FROM t") }, 100)
    }

    func testCheckpointBlockedByAnOpenReaderIsBusy() throws {
        let path = directory.path("blocked.sqlite")
        let writer = try DatabaseQueue(path: path, configuration: .init(busyTimeout: .milliseconds(50)))
        try writer.write { db in try db.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1), (2)") }
        let reader = try DatabaseQueue(path: path, configuration: .init(readOnly: true))
        let error = assertThrows(SQLiteError.self) {
            try reader.read { db in
                // A half-read cursor keeps the reader's snapshot, so the WAL cannot be reset.
                let cursor = try db.fetchCursor(sql: "SELECT x FROM t")
                _ = try cursor.next()
                try writer.write { db in try db.execute(sql: "INSERT INTO t VALUES (3)") }
                try writer.write { db in try db.checkpointTruncatingWAL() }
            }
        }
        XCTAssertEqual(error?.isBusy, true)
        XCTAssertEqual(error?.sql, "PRAGMA wal_checkpoint(TRUNCATE)")
        // With the reader done, the same checkpoint succeeds.
        try writer.write { db in try db.checkpointTruncatingWAL() }
        XCTAssertEqual(size(ofFile: path + "-wal"), 0)
    }

    func testIntegrityCheckOfASoundDatabaseIsOK() throws {
        let queue = try makeFileQueue()
        try queue.write { db in try db.execute(sql: "CREATE TABLE t (x UNIQUE); INSERT INTO t VALUES (1), (2)") }
        XCTAssertEqual(try queue.read { db in try db.integrityCheck() }, ["ok"])
    }

    func testFTS5IsAvailable() throws {
        let queue = try makeMemoryQueue()
        let hits = try queue.write { db in
            try db.execute(sql: """
                CREATE VIRTUAL TABLE notes USING fts5(body);
                INSERT INTO notes (body) VALUES ('loan repaid early'), ('missed payment'), ('loan restructured');
                """)
            return try db.fetchAll(
                String.self, sql: "SELECT body FROM notes WHERE notes MATCH ? ORDER BY rowid", arguments: ["loan"])
        }
        XCTAssertEqual(hits, ["loan repaid early", "loan restructured"])
    }
}
