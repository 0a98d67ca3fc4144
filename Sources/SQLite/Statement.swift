import Foundation
import CSQLite

/// A compiled SQL statement (`sqlite3_stmt`), prepared once and run many times.
///
/// Get one from `Database.makeStatement(sql:)` or `Database.cachedStatement(sql:)`. A
/// statement belongs to the connection that prepared it; it is not `Sendable` and must not
/// leave the database closure it was made in.
public final class Statement {
    /// The SQL this statement was prepared from.
    public let sql: String
    /// The number of parameters (`?`, `?NNN`, `:name`, `@name`, `$name`).
    public let parameterCount: Int
    /// The names of the result columns, in order.
    public let columnNames: [String]

    let handle: OpaquePointer
    /// The arguments currently bound, kept so that a failing step can report them.
    private(set) var boundArguments: StatementArguments = .none
    /// Set while a `Cursor` is stepping this statement, so the cache hands out a fresh one.
    var isInUseByCursor = false

    /// Prepares exactly one statement; a script with several is refused, because the
    /// statements after the first would be silently ignored.
    init(connection: OpaquePointer, sql: String, persistent: Bool) throws {
        var prepared: OpaquePointer?
        var extraFound = false
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let code = sql.withCString { start -> Int32 in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(connection, start, -1, flags, &prepared, &tail)
            if code == SQLITE_OK, let tail, tail.pointee != 0 {
                var extra: OpaquePointer?
                let extraCode = sqlite3_prepare_v2(connection, tail, -1, &extra, nil)
                extraFound = extraCode != SQLITE_OK || extra != nil
                sqlite3_finalize(extra)
            }
            return code
        }
        if let error = SQLiteError.check(code, connection: connection, sql: sql) {
            sqlite3_finalize(prepared)
            throw error
        }
        guard let prepared else {
            throw SQLiteError.misuse("no SQL statement to prepare (empty or only comments)", sql: sql)
        }
        guard !extraFound else {
            sqlite3_finalize(prepared)
            throw SQLiteError.misuse("more than one SQL statement; use execute(sql:) for scripts", sql: sql)
        }
        self.sql = sql
        self.handle = prepared
        self.parameterCount = Int(sqlite3_bind_parameter_count(prepared))
        self.columnNames = (0..<sqlite3_column_count(prepared)).map { index in
            sqlite3_column_name(prepared, index).map { String(cString: $0) } ?? ""
        }
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Runs the statement to completion with the given arguments, discarding any rows.
    public func execute(arguments: StatementArguments = .none) throws {
        try prepareForUse(arguments: arguments)
        defer { resetQuietly() }
        while try step() {}
    }

    /// A lazy cursor over the result rows.
    public func fetchCursor(arguments: StatementArguments = .none) throws -> Cursor<Row> {
        try Cursor(statement: self, arguments: arguments) { $0 }
    }

    /// A lazy cursor over the result rows, each decoded as `T`.
    public func fetchCursor<T: RowDecodable>(_ type: T.Type, arguments: StatementArguments = .none) throws -> Cursor<T> {
        try Cursor(statement: self, arguments: arguments) { try T(row: $0) }
    }

    /// Resets, clears old bindings and binds new arguments.
    func prepareForUse(arguments: StatementArguments) throws {
        guard !isInUseByCursor else {
            throw SQLiteError.misuse("statement is being iterated by a cursor", sql: sql)
        }
        resetQuietly()
        sqlite3_clear_bindings(handle)
        boundArguments = arguments
        try bind(arguments)
    }

    /// Advances one row: true when a row is available, false when done.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        default:
            let connection = sqlite3_db_handle(handle)
            throw SQLiteError.check(code, connection: connection, sql: sql, arguments: boundArguments)
                ?? SQLiteError.misuse("unexpected step result", sql: sql)
        }
    }

    /// Resets the statement to run again. The result code is ignored because it repeats the
    /// error of the last failed step, which has already been reported.
    func resetQuietly() {
        sqlite3_reset(handle)
    }

    /// The current row's values, copied out of SQLite's buffers.
    func currentValues() -> [SQLiteValue] {
        (0..<Int32(columnNames.count)).map(value(at:))
    }

    private func value(at index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            // column_text before column_bytes, as https://www.sqlite.org/c3ref/column_blob.html asks.
            guard let text = sqlite3_column_text(handle, index) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            // A zero-length blob comes back as a NULL pointer but is still a blob.
            guard let bytes = sqlite3_column_blob(handle, index) else { return .blob(Data()) }
            return .blob(Data(bytes: bytes, count: Int(sqlite3_column_bytes(handle, index))))
        default:
            return .null
        }
    }
}

@available(*, unavailable, message: "A statement belongs to one connection, which SQLite does not let two threads use at once.")
extension Statement: Sendable {}
