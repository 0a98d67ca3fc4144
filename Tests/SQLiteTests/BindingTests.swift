import Foundation
import SQLite
import XCTest

final class BindingTests: XCTestCase {
    func testEverySupportedTypeRoundTrips() throws {
        let queue = try makeMemoryQueue()
        let blob = Data([0x00, 0xFF, 0x10])
        let row = try queue.write { db in
            try db.fetchOne(
                sql: "SELECT ? AS i64, ? AS int, ? AS dbl, ? AS str, ? AS blob, ? AS yes, ? AS no, ? AS missing",
                arguments: [Int64.max, -7, 2.5, "Zoë ✓", blob, true, false, nil])
        }
        let values = try XCTUnwrap(row).values
        XCTAssertEqual(values, [
            .integer(.max), .integer(-7), .real(2.5), .text("Zoë ✓"), .blob(blob), .integer(1), .integer(0), .null,
        ])
        let decoded = try XCTUnwrap(row)
        XCTAssertEqual(try decoded["i64"] as Int64, .max)
        XCTAssertEqual(try decoded["int"] as Int, -7)
        XCTAssertEqual(try decoded["dbl"] as Double, 2.5)
        XCTAssertEqual(try decoded["str"] as String, "Zoë ✓")
        XCTAssertEqual(try decoded["blob"] as Data, blob)
        XCTAssertEqual(try decoded["yes"] as Bool, true)
        XCTAssertEqual(try decoded["no"] as Bool, false)
        XCTAssertEqual(try decoded["missing"] as String?, nil)
    }

    func testOptionalsBindAsValueOrNull() throws {
        let queue = try makeMemoryQueue()
        let some: String? = "present"
        let none: Int64? = nil
        let row = try queue.write { db in try db.fetchOne(sql: "SELECT ?, ?", arguments: [some, none]) }
        XCTAssertEqual(row?.values, [.text("present"), .null])
    }

    func testEmptyStringAndEmptyBlobAreNotNull() throws {
        let queue = try makeMemoryQueue()
        let row = try queue.write { db in
            try db.fetchOne(sql: "SELECT ?1, typeof(?1), ?2, typeof(?2)", arguments: ["", Data()])
        }
        XCTAssertEqual(row?.values, [.text(""), .text("text"), .blob(Data()), .text("blob")])
    }

    func testTextWithEmbeddedNULKeepsAllBytes() throws {
        let queue = try makeMemoryQueue()
        let length = try queue.write { db in
            try db.fetchOne(Int64.self, sql: "SELECT length(CAST(? AS BLOB))", arguments: ["a\u{0}b"])
        }
        XCTAssertEqual(length, 3)
    }

    func testNamedParametersWithEachPrefix() throws {
        let queue = try makeMemoryQueue()
        let row = try queue.write { db in
            try db.fetchOne(sql: "SELECT :colon, @at, $dollar, :colon", arguments: ["colon": 1, "@at": "two", "dollar": 3.0])
        }
        XCTAssertEqual(row?.values, [.integer(1), .text("two"), .real(3.0), .integer(1)])
    }

    func testPositionalArgumentsFillNumberedAndNamedParametersByIndex() throws {
        let queue = try makeMemoryQueue()
        let row = try queue.write { db in try db.fetchOne(sql: "SELECT ?, :name, ?", arguments: [1, 2, 3]) }
        XCTAssertEqual(row?.values, [.integer(1), .integer(2), .integer(3)])
    }

    func testArgumentsBuiltAtRunTime() throws {
        let queue = try makeMemoryQueue()
        let ids: [Int64?] = [3, nil, 5]
        let row = try queue.write { db in
            try db.fetchOne(sql: "SELECT ?, ?, ?", arguments: StatementArguments(ids))
        }
        XCTAssertEqual(row?.values, [.integer(3), .null, .integer(5)])
        let named = try queue.write { db in
            try db.fetchOne(sql: "SELECT :b, :a", arguments: StatementArguments(["a": "first", "b": nil]))
        }
        XCTAssertEqual(named?.values, [.null, .text("first")])
    }

    func testNamedArgumentsForNumberedParameterIsAnError() throws {
        let queue = try makeMemoryQueue()
        let error = assertThrows(SQLiteError.self) {
            try queue.write { db in try db.fetchOne(sql: "SELECT ?1", arguments: ["1": 1]) }
        }
        XCTAssertEqual(error?.message, "parameter 1 is positional (?); pass positional arguments")
    }

    func testTooFewPositionalArgumentsIsAnError() throws {
        let queue = try makeMemoryQueue()
        let error = assertThrows(SQLiteError.self) {
            try queue.write { db in try db.execute(sql: "SELECT ?, ?", arguments: [1]) }
        }
        XCTAssertEqual(error?.extendedResultCode, .misuse)
        XCTAssertEqual(
            error?.description,
            "SQLite error 21: wrong number of arguments: the statement has 2 parameter(s), got 1 — "
                + "while executing `SELECT ?, ?` with arguments [1 argument redacted]")
    }

    func testArgumentsForAStatementWithoutParametersIsAnError() throws {
        let queue = try makeMemoryQueue()
        let error = assertThrows(SQLiteError.self) {
            try queue.write { db in try db.fetchAll(sql: "SELECT 1", arguments: ["unexpected"]) }
        }
        XCTAssertEqual(error?.message, "wrong number of arguments: the statement has 0 parameter(s), got 1")
    }

    func testMissingArgumentsAreAnErrorNotASilentNull() throws {
        let queue = try makeMemoryQueue()
        let error = assertThrows(SQLiteError.self) {
            try queue.write { db in try db.fetchOne(sql: "SELECT ?") }
        }
        XCTAssertEqual(error?.message, "wrong number of arguments: the statement has 1 parameter(s), got 0")
    }

    func testUnknownNameIsAnError() throws {
        let queue = try makeMemoryQueue()
        let error = assertThrows(SQLiteError.self) {
            try queue.write { db in try db.fetchOne(sql: "SELECT :id", arguments: ["id": 1, "nmae": "x"]) }
        }
        XCTAssertEqual(error?.message, "unknown parameter name(s): :nmae")
        XCTAssertEqual(error?.sql, "SELECT :id")
    }

    func testMissingNameIsAnError() throws {
        let queue = try makeMemoryQueue()
        let error = assertThrows(SQLiteError.self) {
            try queue.write { db in try db.fetchOne(sql: "SELECT :id, :name", arguments: ["id": 1]) }
        }
        XCTAssertEqual(error?.message, "missing argument for parameter :name")
    }

    func testNamedArgumentsForPositionalParameterIsAnError() throws {
        let queue = try makeMemoryQueue()
        let error = assertThrows(SQLiteError.self) {
            try queue.write { db in try db.fetchOne(sql: "SELECT ?", arguments: ["id": 1]) }
        }
        XCTAssertEqual(error?.message, "parameter 1 is positional (?); pass positional arguments")
    }

    func testDuplicateNameIsAnErrorNotATrap() throws {
        let queue = try makeMemoryQueue()
        let error = assertThrows(SQLiteError.self) {
            try queue.write { db in try db.fetchOne(sql: "SELECT :id", arguments: ["id": 1, ":id": 2]) }
        }
        XCTAssertEqual(error?.message, "argument :id given twice")
    }

    func testSeveralStatementsInOnePreparedStatementIsAnError() throws {
        let queue = try makeMemoryQueue()
        let error = assertThrows(SQLiteError.self) {
            try queue.write { db in try db.execute(sql: "SELECT ?; SELECT 2", arguments: [1]) }
        }
        XCTAssertEqual(error?.message, "more than one SQL statement; use execute(sql:) for scripts")
        // A trailing comment is not a second statement.
        XCTAssertEqual(try queue.write { db in try db.fetchOne(Int64.self, sql: "SELECT 5; -- five") }, 5)
    }

    func testSyntaxErrorCarriesSQLiteMessageAndSQL() throws {
        let queue = try makeMemoryQueue()
        let error = assertThrows(SQLiteError.self) {
            try queue.write { db in try db.fetchOne(sql: "SELEC 1") }
        }
        XCTAssertEqual(error?.extendedResultCode, .error)
        XCTAssertEqual(error?.message, "near \"SELEC\": syntax error")
        XCTAssertEqual(error?.sql, "SELEC 1")
    }

    func testArgumentsDescriptionIsRedacted() {
        let arguments: StatementArguments = ["alice@example.com", 42]
        XCTAssertEqual(arguments.description, "[2 arguments redacted]")
        XCTAssertEqual(String(reflecting: arguments), "[2 arguments redacted]")
        XCTAssertEqual(arguments.revealedDescription, "['alice@example.com', 42]")
        var dumped = ""
        dump(arguments, to: &dumped)
        XCTAssertFalse(dumped.contains("alice"), dumped)
    }
}
