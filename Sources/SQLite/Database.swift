import CSQLite

/// A connection to one SQLite database (`sqlite3*`).
///
/// Not `Sendable`: a connection is opened with `SQLITE_OPEN_NOMUTEX`, so SQLite does not
/// guard it, and transactions and the statement cache are per-connection state. Reach it only
/// through `DatabaseQueue`, which runs closures on it one at a time, and never let it (or a
/// `Statement` or `Cursor`) escape the closure.
public final class Database {
    /// The path the connection was opened with (`:memory:` for an in-memory database).
    public let path: String
    /// The configuration applied at open.
    public let configuration: Configuration

    let handle: OpaquePointer
    /// Prepared statements by SQL, so repeated SQL is compiled once per connection.
    private var statementCache: [String: Statement] = [:]
    /// The number of savepoints currently open, used to name the next one.
    var savepointDepth = 0

    /// Opens (creating if needed) a database and applies the configuration's pragmas.
    init(path: String, configuration: Configuration = Configuration()) throws {
        let isFile = path != ":memory:" && !path.isEmpty
        if isFile && !configuration.readOnly {
            try Self.createPrivateFileIfMissing(path: path)
        }
        // NOMUTEX: DatabaseQueue serializes access, so SQLite's own mutex would be redundant.
        // EXRESCODE: extended result codes from the open call too.
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        flags |= configuration.readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard let opened else {
            throw SQLiteError(extendedResultCode: .noMemory, message: "sqlite3_open_v2 returned no connection")
        }
        if let error = SQLiteError.check(code, connection: opened) {
            sqlite3_close_v2(opened)
            throw error
        }
        self.path = path
        self.configuration = configuration
        self.handle = opened
        sqlite3_extended_result_codes(opened, 1)
        // Every stored property is set, so if this throws, deinit still closes the handle.
        try applyConfiguration(isFile: isFile)
    }

    deinit {
        // Statements must be finalized before the connection closes; close_v2 would otherwise
        // keep a zombie connection alive until they are.
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    private func applyConfiguration(isFile: Bool) throws {
        sqlite3_busy_timeout(handle, configuration.busyTimeoutMilliseconds)
        try execute(sql: "PRAGMA foreign_keys = ON")
        if isFile && !configuration.readOnly {
            // journal_mode answers with the mode in effect; anything but "wal" means SQLite
            // could not switch (e.g. a VFS without shared memory) and we must not carry on.
            let mode = try fetchOne(String.self, sql: "PRAGMA journal_mode = WAL")
            guard mode?.lowercased() == "wal" else {
                throw SQLiteError(
                    extendedResultCode: .error, message: "could not enable WAL journal mode (got \(mode ?? "nothing"))",
                    sql: "PRAGMA journal_mode = WAL")
            }
        }
        try execute(sql: "PRAGMA synchronous = \(configuration.synchronous.rawValue)")
        // Set both ways: the compile-time default varies (Debian builds with it on).
        try execute(sql: "PRAGMA secure_delete = \(configuration.secureDelete ? "ON" : "OFF")")
    }

    /// Turns a result code from a call on this connection into a thrown `SQLiteError`.
    func check(_ code: Int32, sql: String? = nil) throws {
        if let error = SQLiteError.check(code, connection: handle, sql: sql) {
            throw error
        }
    }

    /// A new statement, not cached; use for SQL that runs once or is generated.
    public func makeStatement(sql: String) throws -> Statement {
        try Statement(connection: handle, sql: sql, persistent: false)
    }

    /// A statement from this connection's cache, prepared on first use of this SQL.
    ///
    /// When the cached statement is still being iterated by a cursor, a fresh uncached one is
    /// returned, so nested queries with the same SQL do not clobber each other's bindings.
    public func cachedStatement(sql: String) throws -> Statement {
        if let statement = statementCache[sql] {
            if !statement.isInUseByCursor { return statement }
            return try makeStatement(sql: sql)
        }
        let statement = try Statement(connection: handle, sql: sql, persistent: true)
        statementCache[sql] = statement
        return statement
    }

    /// The number of statements in the cache; for tests and diagnostics.
    public var cachedStatementCount: Int { statementCache.count }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE (`sqlite3_changes64`).
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// The rowid of the most recent successful INSERT (`sqlite3_last_insert_rowid`).
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Whether a transaction is open (SQLite is not in autocommit mode).
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
}

@available(*, unavailable, message: "A connection must be used by one thread at a time; go through DatabaseQueue.")
extension Database: Sendable {}
