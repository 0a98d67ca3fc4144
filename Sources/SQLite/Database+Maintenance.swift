import CSQLite

extension Database {
    /// Runs `PRAGMA wal_checkpoint(TRUNCATE)`: copies the whole WAL into the database file
    /// and truncates the -wal file to zero bytes.
    ///
    /// Deleted personal data can linger in the WAL until this runs. Returning normally means
    /// the -wal file is now empty; when a reader's open snapshot (or another writer) kept the
    /// checkpoint from completing within the busy timeout, it throws a `SQLiteError` whose
    /// `isBusy` is true (<https://www.sqlite.org/c3ref/wal_checkpoint_v2.html>). Outside WAL
    /// mode (an in-memory database) it does nothing.
    public func checkpointTruncatingWAL() throws {
        let code = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_TRUNCATE, nil, nil)
        try check(code, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Runs `PRAGMA integrity_check` and returns its lines: `["ok"]` for a sound database,
    /// otherwise one line per problem found (<https://www.sqlite.org/pragma.html#pragma_integrity_check>).
    public func integrityCheck() throws -> [String] {
        try fetchAll(String.self, sql: "PRAGMA integrity_check")
    }
}
