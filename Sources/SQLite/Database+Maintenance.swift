import CSQLite

extension Database {
    /// The outcome of a WAL checkpoint (<https://www.sqlite.org/c3ref/wal_checkpoint_v2.html>).
    public struct CheckpointResult: Sendable, Equatable {
        /// Frames in the WAL file before the checkpoint.
        public let walFrameCount: Int
        /// Frames copied back into the database file.
        public let checkpointedFrameCount: Int
    }

    /// Runs `PRAGMA wal_checkpoint(TRUNCATE)`: copies the whole WAL into the database file
    /// and truncates the -wal file to zero bytes.
    ///
    /// Deleted personal data can linger in the WAL until this runs. Throws a `SQLiteError`
    /// with `isBusy` when readers or another writer kept it from completing.
    @discardableResult
    public func checkpointTruncatingWAL() throws -> CheckpointResult {
        var walFrames: Int32 = 0
        var checkpointed: Int32 = 0
        let code = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_TRUNCATE, &walFrames, &checkpointed)
        try check(code, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        return CheckpointResult(walFrameCount: Int(walFrames), checkpointedFrameCount: Int(checkpointed))
    }

    /// Runs `PRAGMA integrity_check` and returns its lines: `["ok"]` for a sound database,
    /// otherwise one line per problem found (<https://www.sqlite.org/pragma.html#pragma_integrity_check>).
    public func integrityCheck() throws -> [String] {
        try fetchAll(String.self, sql: "PRAGMA integrity_check")
    }
}
