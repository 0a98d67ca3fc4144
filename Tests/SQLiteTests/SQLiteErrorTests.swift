import SQLite
import XCTest

final class SQLiteErrorTests: TemporaryDirectoryTestCase {
    private let schema = """
        CREATE TABLE clients (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT UNIQUE);
        CREATE TABLE loans (id INTEGER PRIMARY KEY, client_id INTEGER NOT NULL REFERENCES clients(id));
        INSERT INTO clients (id, name, email) VALUES (1, 'Ada', 'ada@example.com');
        """

    private func makeQueue() throws -> DatabaseQueue {
        let queue = try makeMemoryQueue()
        try queue.write { db in try db.execute(sql: schema) }
        return queue
    }

    func testUniqueViolation() throws {
        let insert = "INSERT INTO clients (name, email) VALUES (?, ?)"
        let error = assertThrows(SQLiteError.self) {
            try makeQueue().write { db in try db.execute(sql: insert, arguments: ["Eve", "ada@example.com"]) }
        }
        XCTAssertEqual(error?.resultCode, .constraint)
        XCTAssertEqual(error?.extendedResultCode, .constraintUnique)
        XCTAssertEqual(error?.isConstraintViolation, true)
        XCTAssertEqual(error?.isUniqueViolation, true)
        XCTAssertEqual(error?.isForeignKeyViolation, false)
        XCTAssertEqual(error?.message, "UNIQUE constraint failed: clients.email")
        XCTAssertEqual(error?.sql, insert)
        XCTAssertEqual(error?.arguments?.values, [.text("Eve"), .text("ada@example.com")])
        XCTAssertEqual(
            error?.description,
            "SQLite error 2067 (primary 19): UNIQUE constraint failed: clients.email — while executing "
                + "`INSERT INTO clients (name, email) VALUES (?, ?)` with arguments [2 arguments redacted]")
        XCTAssertEqual(error.map { String(reflecting: $0) }, error?.description)
        XCTAssertEqual(
            error?.description(revealingArguments: true),
            "SQLite error 2067 (primary 19): UNIQUE constraint failed: clients.email — while executing "
                + "`INSERT INTO clients (name, email) VALUES (?, ?)` with arguments ['Eve', 'ada@example.com']")
        var dumped = ""
        dump(error, to: &dumped)
        XCTAssertFalse(dumped.contains("ada@example.com") || dumped.contains("Eve"), dumped)
    }

    func testDuplicatePrimaryKeyIsAUniqueViolation() throws {
        let error = assertThrows(SQLiteError.self) {
            try makeQueue().write { db in
                try db.execute(sql: "INSERT INTO clients (id, name) VALUES (?, ?)", arguments: [1, "Again"])
            }
        }
        XCTAssertEqual(error?.extendedResultCode, .constraintPrimaryKey)
        XCTAssertEqual(error?.isUniqueViolation, true)
        XCTAssertEqual(error?.message, "UNIQUE constraint failed: clients.id")
    }

    func testNotNullViolation() throws {
        let error = assertThrows(SQLiteError.self) {
            try makeQueue().write { db in
                try db.execute(sql: "INSERT INTO clients (name, email) VALUES (?, ?)", arguments: [nil, "x@example.com"])
            }
        }
        XCTAssertEqual(error?.extendedResultCode, .constraintNotNull)
        XCTAssertEqual(error?.isNotNullViolation, true)
        XCTAssertEqual(error?.isUniqueViolation, false)
        XCTAssertEqual(error?.message, "NOT NULL constraint failed: clients.name")
        XCTAssertEqual(
            error?.description,
            "SQLite error 1299 (primary 19): NOT NULL constraint failed: clients.name — while executing "
                + "`INSERT INTO clients (name, email) VALUES (?, ?)` with arguments [2 arguments redacted]")
    }

    func testForeignKeyViolation() throws {
        let error = assertThrows(SQLiteError.self) {
            try makeQueue().write { db in
                try db.execute(sql: "INSERT INTO loans (client_id) VALUES (?)", arguments: [404])
            }
        }
        XCTAssertEqual(error?.extendedResultCode, .constraintForeignKey)
        XCTAssertEqual(error?.isForeignKeyViolation, true)
        XCTAssertEqual(error?.isConstraintViolation, true)
        XCTAssertEqual(error?.message, "FOREIGN KEY constraint failed")
        XCTAssertEqual(error?.sql, "INSERT INTO loans (client_id) VALUES (?)")
        XCTAssertEqual(
            error?.description,
            "SQLite error 787 (primary 19): FOREIGN KEY constraint failed — while executing "
                + "`INSERT INTO loans (client_id) VALUES (?)` with arguments [1 argument redacted]")
    }

    func testScriptErrorNamesTheFailingStatement() throws {
        let error = assertThrows(SQLiteError.self) {
            try makeQueue().write { db in
                try db.execute(sql: "INSERT INTO clients (name) VALUES ('Bo'); INSERT INTO clients (id, name) VALUES (1, 'Dup');")
            }
        }
        XCTAssertEqual(error?.sql, "INSERT INTO clients (id, name) VALUES (1, 'Dup');")
        XCTAssertNil(error?.arguments)
    }

    func testBusyWhenAnotherConnectionHoldsTheWriteLock() throws {
        let path = directory.path("busy.sqlite")
        let holder = try DatabaseQueue(path: path)
        let other = try DatabaseQueue(path: path, configuration: .init(busyTimeout: .milliseconds(50)))
        try holder.write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        let error = assertThrows(SQLiteError.self) {
            try holder.transaction(.immediate) { _ in
                try other.write { db in try db.execute(sql: "INSERT INTO t VALUES (1)") }
            }
        }
        XCTAssertEqual(error?.resultCode, .busy)
        XCTAssertEqual(error?.isBusy, true)
        XCTAssertEqual(error?.message, "database is locked")
    }

    func testResultCodeDescriptionUsesSQLiteText() {
        XCTAssertEqual(ResultCode.constraintUnique.description, "2067 (constraint failed)")
        XCTAssertEqual(ResultCode.constraintUnique.primary, .constraint)
    }
}
