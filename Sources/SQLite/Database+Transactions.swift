extension Database {
    /// How a transaction takes its locks (<https://www.sqlite.org/lang_transaction.html>).
    public enum TransactionKind: String, Sendable {
        /// Locks on first read or write. A deferred transaction that reads and then writes can
        /// fail with `SQLITE_BUSY` if another connection wrote in between.
        case deferred = "DEFERRED"
        /// Takes the write lock at BEGIN; the right choice for read-modify-write.
        case immediate = "IMMEDIATE"
        /// Like immediate in WAL mode; also keeps out readers in other journal modes.
        case exclusive = "EXCLUSIVE"
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws
    /// (and the error rethrown).
    ///
    /// A transaction inside a transaction throws `SQLiteError` (code `misuse`) rather than
    /// nesting: SQLite cannot nest BEGIN, and quietly turning the inner one into a savepoint
    /// would hide that the outer transaction decides the commit. Use `savepoint(_:)` for a
    /// unit of work that may run inside another.
    public func transaction<T>(_ kind: TransactionKind = .deferred, _ body: (Database) throws -> T) throws -> T {
        guard !isInTransaction else {
            throw SQLiteError.misuse(
                "cannot begin a transaction inside another transaction; use savepoint(_:) to nest")
        }
        try execute(sql: "BEGIN \(kind.rawValue) TRANSACTION")
        let result: T
        do {
            result = try body(self)
        } catch {
            rollbackIfNeeded()
            throw error
        }
        do {
            try execute(sql: "COMMIT TRANSACTION")
        } catch {
            // A failed COMMIT (busy, deferred constraint) may leave the transaction open.
            rollbackIfNeeded()
            throw error
        }
        return result
    }

    /// Runs `body` in a savepoint: released when it returns, rolled back to (undoing only its
    /// own work) when it throws, and the error rethrown.
    ///
    /// Savepoints nest. Outside a transaction, a savepoint begins a deferred transaction that
    /// commits on release (<https://www.sqlite.org/lang_savepoint.html>).
    public func savepoint<T>(_ body: (Database) throws -> T) throws -> T {
        let name = "savepoint_\(savepointDepth + 1)"
        try execute(sql: "SAVEPOINT \(name)")
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let result: T
        do {
            result = try body(self)
        } catch {
            // ROLLBACK TO keeps the savepoint open; RELEASE then removes it. If SQLite already
            // rolled back the whole transaction (e.g. SQLITE_FULL), both fail harmlessly.
            try? execute(sql: "ROLLBACK TO SAVEPOINT \(name)")
            try? execute(sql: "RELEASE SAVEPOINT \(name)")
            throw error
        }
        try execute(sql: "RELEASE SAVEPOINT \(name)")
        return result
    }

    /// Rolls back if a transaction is still open; errors are ignored because the caller is
    /// already reporting the error that caused the rollback.
    private func rollbackIfNeeded() {
        if isInTransaction {
            try? execute(sql: "ROLLBACK TRANSACTION")
        }
    }
}
