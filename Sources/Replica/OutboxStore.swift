import FincoreModel
import Foundation
import SQLite

/// An entry about to be written: what the edit functions hand to `OutboxStore.enqueue`.
struct EntryDraft {
    var kind: OutboxKind
    var objectID: String
    var loanID: String?
    var clientID: String?
    var baseVersion: Int?
    var baseJSON: String?
    var body: String
    /// Records besides `objectID` and `loanID` whose unfinished entries this one must follow
    /// (the client of a loan application or approval).
    var alsoAfter: [String] = []
}

/// The outbox's rows, at the SQL level; `Outbox` is the sync engine's API over it.
enum OutboxStore {
    /// Unfinished entries (anything not `done`) that change `id`, in the order taken.
    static func unfinished(_ db: Database, touching id: String) throws -> [OutboxEntry] {
        let rows = try db.fetchAll(sql: """
            SELECT \(OutboxEntry.columns) FROM outbox
            WHERE state != 'done' AND (object_id = ?1 OR loan_id = ?1) ORDER BY seq
            """, arguments: [id])
        return try rows.map { try OutboxEntry(row: $0, dependsOn: []) }
    }

    /// One entry with its dependencies, or nil.
    static func entry(_ db: Database, seq: Int64) throws -> OutboxEntry? {
        guard let row = try db.fetchOne(sql: "SELECT \(OutboxEntry.columns) FROM outbox WHERE seq = ?", arguments: [seq])
        else { return nil }
        return try OutboxEntry(row: row, dependsOn: dependencies(db, of: seq))
    }

    static func dependencies(_ db: Database, of seq: Int64) throws -> [Int64] {
        try db.fetchAll(Int64.self, sql: "SELECT depends_on FROM outbox_dependencies WHERE entry_seq = ? ORDER BY depends_on",
                        arguments: [seq])
    }

    /// The newest unfinished entry that changes `id`, if any.
    static func latestUnfinished(_ db: Database, touching id: String) throws -> OutboxEntry? {
        guard let row = try db.fetchOne(sql: """
            SELECT \(OutboxEntry.columns) FROM outbox
            WHERE state != 'done' AND (object_id = ?1 OR loan_id = ?1) ORDER BY seq DESC LIMIT 1
            """, arguments: [id]) else { return nil }
        return try OutboxEntry(row: row, dependsOn: [])
    }

    /// Writes a new entry after the newest unfinished entry of every record it touches, and
    /// returns its sequence number.
    static func enqueue(_ db: Database, _ draft: EntryDraft, at now: Timestamp) throws -> Int64 {
        var after: Set<Int64> = []
        for key in [draft.objectID] + [draft.loanID].compactMap({ $0 }) + draft.alsoAfter {
            if let latest = try latestUnfinished(db, touching: key) { after.insert(latest.seq) }
        }
        try db.execute(sql: """
            INSERT INTO outbox (kind, object_type, object_id, loan_id, client_id, idempotency_key, base_version,
                base_json, body, created_at, changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                draft.kind.rawValue, draft.kind.request.objectType.rawValue, draft.objectID, draft.loanID,
                draft.clientID, UUID().uuidString.lowercased(), draft.baseVersion, draft.baseJSON, draft.body,
                now.description, now.description,
            ])
        let seq = db.lastInsertRowID
        for dependency in after.sorted() {
            try db.execute(sql: "INSERT INTO outbox_dependencies (entry_seq, depends_on) VALUES (?, ?)",
                           arguments: [seq, dependency])
        }
        try History.append(db, type: draft.kind.request.objectType, recordID: draft.objectID,
                           event: "local_\(draft.kind.rawValue)", outboxSeq: seq, at: now)
        return seq
    }

    /// Replaces the body of a pending entry (an edit merged into the one before it).
    static func replaceBody(_ db: Database, seq: Int64, body: String, at now: Timestamp) throws {
        try db.execute(sql: "UPDATE outbox SET body = ?, changed_at = ? WHERE seq = ? AND state = 'pending'",
                       arguments: [body, now.description, seq])
    }

    /// Entries that wait, directly or through others, for `seq`.
    static func dependents(_ db: Database, of seq: Int64) throws -> [Int64] {
        try db.fetchAll(Int64.self, sql: """
            WITH RECURSIVE down(seq) AS (
                SELECT entry_seq FROM outbox_dependencies WHERE depends_on = ?
                UNION SELECT d.entry_seq FROM outbox_dependencies d JOIN down ON d.depends_on = down.seq)
            SELECT seq FROM down ORDER BY seq
            """, arguments: [seq])
    }

    /// How many entries the server has not yet accepted.
    static func unpushedCount(_ db: Database) throws -> Int {
        try db.fetchOne(Int.self, sql: "SELECT count(*) FROM outbox WHERE state != 'done'") ?? 0
    }
}
