import Foundation
import SQLite
import XCTest

private struct Client: RowDecodable, Equatable {
    var id: Int64
    var name: String
    var email: String?
    var isActive: Bool

    init(id: Int64, name: String, email: String?, isActive: Bool) {
        self.id = id
        self.name = name
        self.email = email
        self.isActive = isActive
    }

    init(row: Row) throws {
        id = try row["id"]
        name = try row["name"]
        email = try row["email"]
        isActive = try row["is_active"]
    }
}

final class RowDecodingTests: XCTestCase {
    private func makeClients() throws -> DatabaseQueue {
        let queue = try makeMemoryQueue()
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE clients (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT, is_active INTEGER NOT NULL);
                INSERT INTO clients VALUES (1, 'Ada', 'ada@example.com', 1), (2, 'Grace', NULL, 0);
                """)
        }
        return queue
    }

    func testDecodesRecordsByName() throws {
        let clients = try makeClients().read { db in
            try db.fetchAll(Client.self, sql: "SELECT * FROM clients ORDER BY id")
        }
        XCTAssertEqual(clients, [
            Client(id: 1, name: "Ada", email: "ada@example.com", isActive: true),
            Client(id: 2, name: "Grace", email: nil, isActive: false),
        ])
    }

    func testFetchOneDecodesOrReturnsNil() throws {
        let queue = try makeClients()
        let found = try queue.read { db in
            try db.fetchOne(Client.self, sql: "SELECT * FROM clients WHERE id = ?", arguments: [2])
        }
        XCTAssertEqual(found?.name, "Grace")
        let missing = try queue.read { db in
            try db.fetchOne(Client.self, sql: "SELECT * FROM clients WHERE id = ?", arguments: [99])
        }
        XCTAssertNil(missing)
    }

    func testColumnsByIndexAndCaseInsensitiveName() throws {
        let row = try XCTUnwrap(try makeClients().read { db in
            try db.fetchOne(sql: "SELECT id, name AS Name FROM clients WHERE id = 1")
        })
        XCTAssertEqual(row.columnNames, ["id", "Name"])
        XCTAssertEqual(try row[0] as Int64, 1)
        XCTAssertEqual(try row[1] as String, "Ada")
        XCTAssertEqual(try row["NAME"] as String, "Ada")
        XCTAssertEqual(try row["name"] as SQLiteValue, .text("Ada"))
    }

    func testTextWhereIntegerExpectedNamesColumnAndStorageClass() throws {
        let row = try XCTUnwrap(try makeClients().read { db in try db.fetchOne(sql: "SELECT * FROM clients") })
        let error = assertThrows(RowDecodingError.self) { try row["name"] as Int64 }
        XCTAssertEqual(error, .typeMismatch(column: "name", index: 1, expected: "Int64", actual: .text))
        XCTAssertEqual(error?.description, "column \"name\" (index 1): expected Int64, found TEXT")
    }

    func testNullIntoNonOptionalIsAnError() throws {
        let row = try XCTUnwrap(try makeClients().read { db in
            try db.fetchOne(sql: "SELECT * FROM clients WHERE id = 2")
        })
        let error = assertThrows(RowDecodingError.self) { try row["email"] as String }
        XCTAssertEqual(error, .unexpectedNull(column: "email", index: 2, expected: "String"))
        XCTAssertEqual(error?.description, "column \"email\" (index 2): expected String, found NULL")
        XCTAssertEqual(try row["email"] as String?, nil)
    }

    func testOptionalStillRejectsTheWrongType() throws {
        let row = try XCTUnwrap(try makeMemoryQueue().read { db in try db.fetchOne(sql: "SELECT 'x' AS v") })
        let error = assertThrows(RowDecodingError.self) { try row["v"] as Int64? }
        XCTAssertEqual(error, .typeMismatch(column: "v", index: 0, expected: "Optional<Int64>", actual: .text))
    }

    func testUnknownColumnNameIsAnError() throws {
        let row = try XCTUnwrap(try makeClients().read { db in try db.fetchOne(sql: "SELECT id, name FROM clients") })
        let error = assertThrows(RowDecodingError.self) { try row["emial"] as String }
        XCTAssertEqual(error, .unknownColumn(name: "emial", available: ["id", "name"]))
        XCTAssertEqual(error?.description, "no column named \"emial\" (columns: id, name)")
    }

    func testIndexOutOfRangeIsAnErrorNotATrap() throws {
        let row = try XCTUnwrap(try makeMemoryQueue().read { db in try db.fetchOne(sql: "SELECT 1") })
        XCTAssertEqual(assertThrows(RowDecodingError.self) { try row[1] as Int64 }, .indexOutOfRange(index: 1, count: 1))
        XCTAssertEqual(assertThrows(RowDecodingError.self) { try row[-1] as Int64 }, .indexOutOfRange(index: -1, count: 1))
    }

    func testDecodeErrorInsideRecordPropagatesFromFetch() throws {
        struct Wrong: RowDecodable {
            init(row: Row) throws { _ = try row["name"] as Double }
        }
        let error = assertThrows(RowDecodingError.self) {
            try makeClients().read { db in try db.fetchAll(Wrong.self, sql: "SELECT name FROM clients") }
        }
        XCTAssertEqual(error, .typeMismatch(column: "name", index: 0, expected: "Double", actual: .text))
    }

    func testDoubleAcceptsWholeNumberResults() throws {
        let total = try makeMemoryQueue().read { db in try db.fetchOne(Double.self, sql: "SELECT 2 + 3") }
        XCTAssertEqual(total, 5.0)
    }

    func testRowDescriptionDoesNotPrintValues() throws {
        let row = try XCTUnwrap(try makeClients().read { db in try db.fetchOne(sql: "SELECT email FROM clients") })
        XCTAssertEqual("\(row)", "Row(email)")
        var dumped = ""
        dump(row, to: &dumped)
        XCTAssertFalse(dumped.contains("ada@"), dumped)
    }
}
