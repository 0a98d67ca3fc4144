import SQLite
import XCTest

final class BulkInsertTests: TemporaryDirectoryTestCase {
    /// A million rows through one prepared statement in one transaction, then an integrity check.
    func testMillionRowInsertInOneTransaction() throws {
        let queue = try makeFileQueue(configuration: .init(synchronous: .normal))
        let rowCount = 1_000_000
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE events (id INTEGER PRIMARY KEY, label TEXT NOT NULL, amount REAL NOT NULL)")
        }
        try queue.transaction { db in
            let insert = try db.makeStatement(sql: "INSERT INTO events (id, label, amount) VALUES (?, ?, ?)")
            for index in 1...rowCount {
                try insert.execute(arguments: [index, "event", Double(index) / 100])
            }
        }
        try queue.read { db in
            XCTAssertEqual(try db.fetchOne(Int64.self, sql: "SELECT count(*) FROM events"), Int64(rowCount))
            XCTAssertEqual(try db.fetchOne(Int64.self, sql: "SELECT max(id) FROM events"), Int64(rowCount))
            XCTAssertEqual(try db.integrityCheck(), ["ok"])
        }
    }
}
