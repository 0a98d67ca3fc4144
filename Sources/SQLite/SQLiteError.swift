import CSQLite

/// An error reported by SQLite, or by this layer for a misuse it caught first.
///
/// Like GRDB's `DatabaseError`, it keeps the evidence: the extended result code, SQLite's
/// message, the SQL and the bound arguments. Arguments may be personal data, so `description`
/// redacts them; `description(revealingArguments: true)` shows them on explicit request.
public struct SQLiteError: Error, Sendable {
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE` rather than `SQLITE_CONSTRAINT`).
    public let extendedResultCode: ResultCode
    /// SQLite's message (`sqlite3_errmsg`), or this layer's for a misuse.
    public let message: String
    /// The SQL being run, when there was one.
    public let sql: String?
    /// The arguments bound to it; redacted when the error is printed.
    public let arguments: StatementArguments?

    public init(
        extendedResultCode: ResultCode, message: String,
        sql: String? = nil, arguments: StatementArguments? = nil
    ) {
        self.extendedResultCode = extendedResultCode
        self.message = message
        self.sql = sql
        self.arguments = arguments
    }

    /// The primary result code.
    public var resultCode: ResultCode { extendedResultCode.primary }

    public var isConstraintViolation: Bool { resultCode == .constraint }
    public var isUniqueViolation: Bool {
        // A duplicate primary key is a uniqueness violation too.
        extendedResultCode == .constraintUnique || extendedResultCode == .constraintPrimaryKey
    }
    public var isNotNullViolation: Bool { extendedResultCode == .constraintNotNull }
    public var isForeignKeyViolation: Bool { extendedResultCode == .constraintForeignKey }
    public var isCheckViolation: Bool { extendedResultCode == .constraintCheck }
    /// The database was locked by another connection for longer than the busy timeout.
    public var isBusy: Bool { resultCode == .busy || resultCode == .locked }

    /// The error written out, with arguments shown only when `revealingArguments` is true.
    public func description(revealingArguments: Bool) -> String {
        var text = "SQLite error \(extendedResultCode.rawValue)"
        if extendedResultCode != resultCode {
            text += " (primary \(resultCode.rawValue))"
        }
        text += ": \(message)"
        if let sql {
            text += " — while executing `\(sql)`"
        }
        if let arguments, arguments.count > 0 {
            text += " with arguments "
            text += revealingArguments ? arguments.revealedDescription : arguments.description
        }
        return text
    }

    /// The single place where a SQLite result code becomes an error value (STYLE habit 6).
    ///
    /// Returns nil for the codes that mean success (`SQLITE_OK`, `SQLITE_ROW`, `SQLITE_DONE`).
    /// The message is read from the connection only when the code is an error, because
    /// `sqlite3_errmsg` describes the most recent failure on that connection.
    static func check(
        _ code: Int32, connection: OpaquePointer?, sql: String? = nil, arguments: StatementArguments? = nil
    ) -> SQLiteError? {
        switch code {
        case SQLITE_OK, SQLITE_ROW, SQLITE_DONE:
            return nil
        default:
            let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
                ?? sqlite3_errstr(code).map { String(cString: $0) }
                ?? "unknown error"
            return SQLiteError(
                extendedResultCode: ResultCode(rawValue: code), message: message, sql: sql, arguments: arguments)
        }
    }

    /// An error this layer raises before SQLite could (wrong argument count, nested transaction…).
    static func misuse(_ message: String, sql: String? = nil, arguments: StatementArguments? = nil) -> SQLiteError {
        SQLiteError(extendedResultCode: .misuse, message: message, sql: sql, arguments: arguments)
    }
}

extension SQLiteError: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The error with its arguments redacted.
    public var description: String { description(revealingArguments: false) }
    /// Also redacted: `debugDescription` reaches logs through string interpolation of `dump`.
    public var debugDescription: String { description(revealingArguments: false) }
    /// Keeps `dump` and `Mirror` from printing the arguments.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "extendedResultCode": extendedResultCode, "message": message,
            "sql": sql as Any, "arguments": arguments?.description as Any,
        ], displayStyle: .struct)
    }
}
