import SQLite
import XCTest

private struct Abort: Error, Equatable {}

final class TransactionTests: XCTestCase {
    private func makeQueue() throws -> DatabaseQueue {
        let queue = try makeMemoryQueue()
        try queue.write { db in try db.execute(sql: "CREATE TABLE t (x INTEGER)") }
        return queue
    }

    private func values(_ queue: DatabaseQueue) throws -> [Int64] {
        try queue.read { db in try db.fetchAll(Int64.self, sql: "SELECT x FROM t ORDER BY rowid") }
    }

    func testEachKindCommitsOnReturn() throws {
        let queue = try makeQueue()
        for (value, kind) in [(1, Database.TransactionKind.deferred), (2, .immediate), (3, .exclusive)] {
            let result = try queue.write { db in
                try db.transaction(kind) { db -> Bool in
                    try db.execute(sql: "INSERT INTO t VALUES (?)", arguments: [value])
                    return db.isInTransaction
                }
            }
            XCTAssertTrue(result)
        }
        XCTAssertEqual(try values(queue), [1, 2, 3])
        XCTAssertFalse(try queue.read { db in db.isInTransaction })
    }

    func testThrowingClosureRollsBackAndRethrows() throws {
        let queue = try makeQueue()
        let error = assertThrows(Abort.self) {
            try queue.transaction { db in
                try db.execute(sql: "INSERT INTO t VALUES (1)")
                try db.execute(sql: "INSERT INTO t VALUES (2)")
                throw Abort()
            }
        }
        XCTAssertEqual(error, Abort())
        XCTAssertEqual(try values(queue), [])
        XCTAssertFalse(try queue.read { db in db.isInTransaction })
    }

    func testSQLErrorInsideTransactionRollsBackEarlierWork() throws {
        let queue = try makeQueue()
        let error = assertThrows(SQLiteError.self) {
            try queue.transaction { db in
                try db.execute(sql: "INSERT INTO t VALUES (1)")
                try db.execute(sql: "INSERT INTO missing VALUES (2)")
            }
        }
        XCTAssertEqual(error?.message, "no such table: missing")
        XCTAssertEqual(try values(queue), [])
    }

    func testSavepointRollsBackInnerWorkWhileOuterCommits() throws {
        let queue = try makeQueue()
        try queue.transaction { db in
            try db.execute(sql: "INSERT INTO t VALUES (1)")
            XCTAssertNotNil(assertThrows(Abort.self) {
                try db.savepoint { db in
                    try db.execute(sql: "INSERT INTO t VALUES (2)")
                    try db.savepoint { db in try db.execute(sql: "INSERT INTO t VALUES (3)") }
                    throw Abort()
                }
            })
            try db.savepoint { db in try db.execute(sql: "INSERT INTO t VALUES (4)") }
            XCTAssertTrue(db.isInTransaction, "rolling back a savepoint must not end the outer transaction")
        }
        XCTAssertEqual(try values(queue), [1, 4])
    }

    func testInnerSavepointRollsBackAloneInsideOuterSavepoint() throws {
        let queue = try makeQueue()
        try queue.transaction { db in
            try db.savepoint { db in
                try db.execute(sql: "INSERT INTO t VALUES (1)")
                _ = try? db.savepoint { db in
                    try db.execute(sql: "INSERT INTO t VALUES (2)")
                    throw Abort()
                }
                try db.execute(sql: "INSERT INTO t VALUES (3)")
            }
        }
        XCTAssertEqual(try values(queue), [1, 3])
    }

    func testSavepointOutsideTransactionCommitsOnRelease() throws {
        let queue = try makeQueue()
        try queue.write { db in
            try db.savepoint { db in try db.execute(sql: "INSERT INTO t VALUES (7)") }
            XCTAssertFalse(db.isInTransaction)
        }
        XCTAssertEqual(try values(queue), [7])
    }

    func testTransactionInsideTransactionIsAClearError() throws {
        let queue = try makeQueue()
        let error = assertThrows(SQLiteError.self) {
            try queue.transaction { db in
                try db.execute(sql: "INSERT INTO t VALUES (1)")
                try db.transaction { db in try db.execute(sql: "INSERT INTO t VALUES (2)") }
            }
        }
        XCTAssertEqual(error?.extendedResultCode, .misuse)
        XCTAssertEqual(
            error?.message, "cannot begin a transaction inside another transaction; use savepoint(_:) to nest")
        // The outer closure threw too, so nothing was kept.
        XCTAssertEqual(try values(queue), [])
    }

    func testChangesAndLastInsertRowID() throws {
        let queue = try makeQueue()
        try queue.write { db in
            try db.execute(sql: "INSERT INTO t VALUES (10), (20), (30)")
            XCTAssertEqual(db.changes, 3)
            XCTAssertEqual(db.lastInsertRowID, 3)
            try db.execute(sql: "UPDATE t SET x = x + 1 WHERE x > ?", arguments: [15])
            XCTAssertEqual(db.changes, 2)
            try db.execute(sql: "INSERT INTO t VALUES (?)", arguments: [40])
            XCTAssertEqual(db.lastInsertRowID, 4)
        }
    }

    func testExecuteRunsEveryStatementOfAScript() throws {
        let queue = try makeMemoryQueue()
        let names = try queue.write { db in
            try db.execute(sql: """
                -- a leading comment
                CREATE TABLE a (x);
                CREATE TABLE b (y);
                PRAGMA user_version = 3;
                INSERT INTO a VALUES (1);
                """)
            return try db.fetchAll(String.self, sql: "SELECT name FROM sqlite_master ORDER BY name")
        }
        XCTAssertEqual(names, ["a", "b"])
        XCTAssertEqual(try queue.read { db in try db.fetchOne(Int64.self, sql: "PRAGMA user_version") }, 3)
    }
}
