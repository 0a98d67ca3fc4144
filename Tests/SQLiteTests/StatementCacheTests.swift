import SQLite
import XCTest

final class StatementCacheTests: XCTestCase {
    func testRepeatedSQLIsPreparedOnce() throws {
        let queue = try makeMemoryQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (x INTEGER)")
            let before = db.cachedStatementCount
            let first = try db.cachedStatement(sql: "INSERT INTO t VALUES (?)")
            for value in 0..<100 {
                try db.execute(sql: "INSERT INTO t VALUES (?)", arguments: [value])
            }
            let again = try db.cachedStatement(sql: "INSERT INTO t VALUES (?)")
            XCTAssertTrue(first === again)
            XCTAssertEqual(db.cachedStatementCount, before + 1)
            XCTAssertEqual(try db.fetchOne(Int64.self, sql: "SELECT sum(x) FROM t"), 4950)
        }
    }

    func testACachedStatementInUseByACursorIsNotHandedOutAgain() throws {
        let queue = try makeMemoryQueue()
        let pairs = try queue.write { db -> [[Int64]] in
            try db.execute(sql: "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2)")
            let sql = "SELECT x FROM t WHERE x >= ? ORDER BY x"
            var pairs: [[Int64]] = []
            let outer = try db.fetchCursor(sql: sql, arguments: [1])
            while let row = try outer.next() {
                let x: Int64 = try row[0]
                // Same SQL while the outer cursor is open: must not rebind the outer statement.
                let inner = try db.fetchAll(Int64.self, sql: sql, arguments: [x])
                pairs.append([x] + inner)
            }
            return pairs
        }
        XCTAssertEqual(pairs, [[1, 1, 2], [2, 2]])
    }

    func testAPreparedStatementRunsManyTimesWithDifferentArguments() throws {
        let queue = try makeMemoryQueue()
        let names = try queue.write { db in
            try db.execute(sql: "CREATE TABLE people (name TEXT)")
            let insert = try db.makeStatement(sql: "INSERT INTO people VALUES (:name)")
            for name in ["ada", "grace", "edsger"] {
                try insert.execute(arguments: ["name": name])
            }
            return try db.fetchAll(String.self, sql: "SELECT name FROM people ORDER BY rowid")
        }
        XCTAssertEqual(names, ["ada", "grace", "edsger"])
    }
}
