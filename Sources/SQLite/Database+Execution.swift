import CSQLite
import Foundation

extension Database {
    /// Runs a script of one or more statements separated by semicolons, without arguments.
    ///
    /// Used for schema scripts and migrations. Each statement is prepared and run in turn,
    /// so a failure names the statement that failed, and rows a statement returns (a PRAGMA,
    /// say) are read and discarded. Statements before a failure have already run.
    public func execute(sql: String) throws {
        try sql.withCString { start in
            var next: UnsafePointer<CChar>? = start
            while let current = next, current.pointee != 0 {
                var prepared: OpaquePointer?
                let code = sqlite3_prepare_v2(handle, current, -1, &prepared, &next)
                guard let statement = prepared else {
                    // Nil with SQLITE_OK: only whitespace or comments were left.
                    try check(code, sql: sql)
                    continue
                }
                defer { sqlite3_finalize(statement) }
                // sqlite3_sql starts where the previous statement ended, so trim the separator's
                // whitespace to report the statement as written.
                let statementSQL = sqlite3_sql(statement)
                    .map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? sql
                var stepCode = sqlite3_step(statement)
                while stepCode == SQLITE_ROW {
                    stepCode = sqlite3_step(statement)
                }
                try check(stepCode, sql: statementSQL)
            }
        }
    }

    /// Runs one statement with arguments, using the statement cache.
    public func execute(sql: String, arguments: StatementArguments) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }

    /// A lazy cursor over the rows of a query; it steps only as far as it is read.
    public func fetchCursor(sql: String, arguments: StatementArguments = .none) throws -> Cursor<Row> {
        try cachedStatement(sql: sql).fetchCursor(arguments: arguments)
    }

    /// A lazy cursor over the rows of a query, each decoded as `T`.
    public func fetchCursor<T: RowDecodable>(
        _ type: T.Type, sql: String, arguments: StatementArguments = .none
    ) throws -> Cursor<T> {
        try cachedStatement(sql: sql).fetchCursor(type, arguments: arguments)
    }

    /// All rows of a query.
    public func fetchAll(sql: String, arguments: StatementArguments = .none) throws -> [Row] {
        try fetchCursor(sql: sql, arguments: arguments).all()
    }

    /// All rows of a query, each decoded as `T`.
    public func fetchAll<T: RowDecodable>(
        _ type: T.Type, sql: String, arguments: StatementArguments = .none
    ) throws -> [T] {
        try fetchCursor(type, sql: sql, arguments: arguments).all()
    }

    /// The first row of a query, or nil when there is none; later rows are not stepped.
    public func fetchOne(sql: String, arguments: StatementArguments = .none) throws -> Row? {
        try fetchCursor(sql: sql, arguments: arguments).next()
    }

    /// The first row of a query decoded as `T`, or nil when there is none.
    public func fetchOne<T: RowDecodable>(
        _ type: T.Type, sql: String, arguments: StatementArguments = .none
    ) throws -> T? {
        try fetchCursor(type, sql: sql, arguments: arguments).next()
    }

    /// The first column of the first row, converted to `T`, or nil when there is no row.
    ///
    /// For `SELECT count(*)` and PRAGMA queries. A NULL in that column throws unless `T` is
    /// optional (then the result is `.some(nil)`).
    public func fetchOne<T: SQLiteValueConvertible>(
        _ type: T.Type, sql: String, arguments: StatementArguments = .none
    ) throws -> T? {
        try fetchOne(sql: sql, arguments: arguments)?.decode(type, at: 0)
    }

    /// The first column of every row, converted to `T`.
    public func fetchAll<T: SQLiteValueConvertible>(
        _ type: T.Type, sql: String, arguments: StatementArguments = .none
    ) throws -> [T] {
        try fetchAll(sql: sql, arguments: arguments).map { try $0.decode(type, at: 0) }
    }
}
