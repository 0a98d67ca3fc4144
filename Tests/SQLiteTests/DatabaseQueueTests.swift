import Dispatch
import SQLite
import XCTest

final class DatabaseQueueTests: TemporaryDirectoryTestCase {
    func testReadRefusesWrites() throws {
        let queue = try makeMemoryQueue()
        try queue.write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        let error = assertThrows(SQLiteError.self) {
            try queue.read { db in try db.execute(sql: "INSERT INTO t VALUES (1)") }
        }
        XCTAssertEqual(error?.resultCode, .readOnly)
        // The write lock is lifted again after the read.
        try queue.write { db in try db.execute(sql: "INSERT INTO t VALUES (1)") }
        XCTAssertEqual(try queue.read { db in try db.fetchOne(Int64.self, sql: "SELECT count(*) FROM t") }, 1)
    }

    func testReentrantAccessThrowsInsteadOfDeadlocking() throws {
        let queue = try makeMemoryQueue()
        let error = assertThrows(SQLiteError.self) {
            try queue.write { _ in try queue.read { _ in 1 } }
        }
        XCTAssertEqual(error?.message, "re-entrant DatabaseQueue access (read or write inside read or write)")
    }

    func testConcurrentWritersAreSerialized() throws {
        let queue = try makeFileQueue()
        try queue.write { db in try db.execute(sql: "CREATE TABLE counter (n INTEGER); INSERT INTO counter VALUES (0)") }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 200) { _ in
            do {
                try queue.transaction { db in
                    // Read-modify-write: a lost update would show if two closures overlapped.
                    let n = try db.fetchOne(Int64.self, sql: "SELECT n FROM counter") ?? -1
                    try db.execute(sql: "UPDATE counter SET n = ?", arguments: [n + 1])
                }
            } catch {
                failures.record()
            }
        }
        XCTAssertEqual(failures.count, 0)
        XCTAssertEqual(try queue.read { db in try db.fetchOne(Int64.self, sql: "SELECT n FROM counter") }, 200)
    }

    func testAsyncReadAndWrite() async throws {
        let queue = try makeMemoryQueue()
        try await queue.write { db in try db.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (5)") }
        let value = try await queue.read { db in try db.fetchOne(Int64.self, sql: "SELECT x FROM t") }
        XCTAssertEqual(value, 5)
        do {
            _ = try await queue.read { db in try db.execute(sql: "DELETE FROM t") }
            XCTFail("expected a read-only error")
        } catch let error as SQLiteError {
            XCTAssertEqual(error.resultCode, .readOnly)
        }
    }
}

/// A thread-safe failure counter for concurrentPerform.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func record() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}
