import FincoreModel
import SQLite

/// Cursors, the sync journal and record history: simple tables with append and list calls.
extension Replica {
    /// Saves (replacing) the cursor of `cursor.resource`.
    public func saveCursor(_ cursor: SyncCursor) throws {
        let now = clock()
        try transaction { db in
            try db.execute(sql: """
                INSERT INTO sync_cursors (resource, updated_at, last_id, state_json, saved_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (resource) DO UPDATE SET updated_at = excluded.updated_at, last_id = excluded.last_id,
                    state_json = excluded.state_json, saved_at = excluded.saved_at
                """, arguments: [
                    cursor.resource, cursor.updatedAt?.description, cursor.lastID,
                    try cursor.state.map { try JSONStore.text($0) }, now.description,
                ])
        }
    }

    /// The cursor of a resource, nil before its first sync.
    public func cursor(for resource: String) throws -> SyncCursor? {
        try read { db in
            guard let row = try db.fetchOne(sql: """
                SELECT resource, updated_at, last_id, state_json, saved_at FROM sync_cursors WHERE resource = ?
                """, arguments: [resource]) else { return nil }
            var cursor = SyncCursor(
                resource: try row["resource"], updatedAt: (try row["updated_at"] as String?).flatMap { Timestamp($0) },
                lastID: try row["last_id"], state: try (row["state_json"] as String?).map { try JSONStore.value($0) })
            cursor.savedAt = Timestamp(try row["saved_at"] as String)
            return cursor
        }
    }

    /// Forgets a resource's cursor (the next pull starts from the beginning).
    public func resetCursor(for resource: String) throws {
        try transaction { db in
            try db.execute(sql: "DELETE FROM sync_cursors WHERE resource = ?", arguments: [resource])
        }
    }

    /// Appends a line to the sync journal and returns its sequence number.
    @discardableResult
    public func appendJournal(_ entry: JournalEntry) throws -> Int64 {
        try transaction { db in
            try db.execute(sql: """
                INSERT INTO sync_journal (at, resource, event, pulled, pushed, failed, error_code, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    entry.at.description, entry.resource, entry.event, entry.pulled, entry.pushed, entry.failed,
                    entry.errorCode, entry.note,
                ])
            return db.lastInsertRowID
        }
    }

    /// The newest `limit` journal lines, oldest first.
    public func journal(limit: Int = 100) throws -> [JournalEntry] {
        try read { db in
            let rows = try db.fetchAll(sql: """
                SELECT * FROM (SELECT seq, at, resource, event, pulled, pushed, failed, error_code, note
                               FROM sync_journal ORDER BY seq DESC LIMIT ?) ORDER BY seq
                """, arguments: [limit])
            return try rows.compactMap { row in
                guard let at = Timestamp(try row["at"] as String) else { return nil }
                var entry = JournalEntry(
                    at: at, resource: try row["resource"], event: try row["event"], pulled: try row["pulled"],
                    pushed: try row["pushed"], failed: try row["failed"], errorCode: try row["error_code"],
                    note: try row["note"])
                entry.seq = try row["seq"]
                return entry
            }
        }
    }

    /// A record's history, oldest first, under its local id and its server id alike.
    public func history(of id: String) throws -> [HistoryEvent] {
        try read { db in
            let resolved = try Aliases.resolve(db, id)
            let locals = try db.fetchAll(String.self, sql: "SELECT local_id FROM id_aliases WHERE server_id = ?",
                                         arguments: [resolved])
            return try History.list(db, recordIDs: [resolved] + locals)
        }
    }
}
