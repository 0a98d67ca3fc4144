import SQLite
import XCTest

final class CursorTests: XCTestCase {
    /// An endless recursive CTE: fetching all of it would never return, so reading three rows
    /// proves the cursor steps lazily.
    private let endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n"

    func testCursorReadsOnlyWhatIsAsked() throws {
        let queue = try makeMemoryQueue()
        let firstThree = try queue.read { db -> [Int64] in
            let cursor = try db.fetchCursor(sql: endless)
            var values: [Int64] = []
            while values.count < 3, let row = try cursor.next() {
                values.append(try row[0])
            }
            return values
        }
        XCTAssertEqual(firstThree, [1, 2, 3])
    }

    func testFetchOneStopsAfterTheFirstRowOfAnEndlessQuery() throws {
        let queue = try makeMemoryQueue()
        XCTAssertEqual(try queue.read { db in try db.fetchOne(Int64.self, sql: endless) }, 1)
    }

    func testAnAbandonedCursorFreesItsStatementForReuse() throws {
        let queue = try makeMemoryQueue()
        try queue.read { db in
            let sql = "SELECT value FROM json_each(?)"
            let cached = try db.cachedStatement(sql: sql)
            do {
                let cursor = try db.fetchCursor(sql: sql, arguments: ["[1,2,3]"])
                XCTAssertEqual(try cursor.next().map { try $0[0] as Int64 }, 1)
                // While the cursor is open, the cache hands out a separate statement.
                XCTAssertFalse(try db.cachedStatement(sql: sql) === cached)
            }
            // The half-read cursor is gone: its statement is reset and back in the cache.
            XCTAssertTrue(try db.cachedStatement(sql: sql) === cached)
            XCTAssertEqual(try db.fetchAll(Int64.self, sql: sql, arguments: ["[4,5]"]), [4, 5])
        }
    }

    func testExhaustedCursorKeepsReturningNil() throws {
        let queue = try makeMemoryQueue()
        try queue.read { db in
            let cursor = try db.fetchCursor(sql: "SELECT 1")
            XCTAssertNotNil(try cursor.next())
            XCTAssertNil(try cursor.next())
            XCTAssertNil(try cursor.next())
        }
    }

    func testForEachVisitsEveryRowInOrder() throws {
        let queue = try makeMemoryQueue()
        var seen: [String] = []
        try queue.read { db in
            try db.fetchCursor(sql: "SELECT value FROM json_each('[\"a\",\"b\",\"c\"]')").forEach { row in
                seen.append(try row[0])
            }
        }
        XCTAssertEqual(seen, ["a", "b", "c"])
    }
}
