import FincoreModel
import SQLite

/// The sync engine's side of the outbox: what to send next, and what became of it.
///
/// Entries go out in the order taken, each only once everything it depends on is `done`
/// (the create of a client before the loan applied for it, one edit of an object before the
/// next). A `failed` or `conflict` entry blocks exactly its dependents; independent entries keep
/// flowing. Every call is one transaction.
public struct Outbox: Sendable {
    let replica: Replica

    /// Up to `limit` entries that may be sent now: `pending`, with every dependency `done`.
    public func nextSendable(limit: Int = 20) throws -> [OutboxEntry] {
        try replica.read { db in
            let rows = try db.fetchAll(sql: """
                SELECT \(OutboxEntry.columns) FROM outbox o
                WHERE state = 'pending' AND NOT EXISTS (
                    SELECT 1 FROM outbox_dependencies d JOIN outbox p ON p.seq = d.depends_on
                    WHERE d.entry_seq = o.seq AND p.state != 'done')
                ORDER BY seq LIMIT ?
                """, arguments: [limit])
            return try rows.map { row in
                let seq: Int64 = try row["seq"]
                return try OutboxEntry(row: row, dependsOn: OutboxStore.dependencies(db, of: seq))
            }
        }
    }

    /// Pending entries that wait, directly or not, on a `failed` or `conflict` entry.
    public func blocked() throws -> [OutboxEntry] {
        try replica.read { db in
            let seqs = try db.fetchAll(Int64.self, sql: """
                WITH RECURSIVE down(seq) AS (
                    SELECT d.entry_seq FROM outbox_dependencies d JOIN outbox p ON p.seq = d.depends_on
                    WHERE p.state IN ('failed', 'conflict')
                    UNION SELECT d.entry_seq FROM outbox_dependencies d JOIN down ON d.depends_on = down.seq)
                SELECT o.seq FROM outbox o JOIN down ON down.seq = o.seq WHERE o.state = 'pending' ORDER BY o.seq
                """)
            return try seqs.compactMap { try OutboxStore.entry(db, seq: $0) }
        }
    }

    /// Every entry, or those in `states`, in order.
    public func entries(_ states: Set<OutboxEntry.State> = Set(OutboxEntry.State.allCases)) throws -> [OutboxEntry] {
        try replica.read { db in
            let seqs = try db.fetchAll(Int64.self, sql: "SELECT seq FROM outbox ORDER BY seq")
            return try seqs.compactMap { try OutboxStore.entry(db, seq: $0) }.filter { states.contains($0.state) }
        }
    }

    /// One entry, or nil.
    public func entry(_ seq: Int64) throws -> OutboxEntry? {
        try replica.read { db in try OutboxStore.entry(db, seq: seq) }
    }

    /// How many entries the server has not accepted yet (everything not `done`).
    public func unpushedCount() throws -> Int {
        try replica.read { db in try OutboxStore.unpushedCount(db) }
    }

    /// Marks an entry handed to the network, counting the attempt.
    @discardableResult
    public func markInFlight(_ seq: Int64) throws -> OutboxEntry {
        try replica.transaction { db in
            let entry = try Self.require(db, seq, in: [.pending, .inFlight])
            try db.execute(sql: """
                UPDATE outbox SET state = 'in_flight', attempts = attempts + 1, changed_at = ? WHERE seq = ?
                """, arguments: [replica.clock().description, seq])
            return try OutboxStore.entry(db, seq: seq) ?? entry
        }
    }

    /// After a crash, entries left `in_flight` have an unknown outcome: back to `pending`, to be
    /// sent again with the same idempotency key (the server replays, never executes twice).
    @discardableResult
    public func requeueInFlight() throws -> Int {
        try replica.transaction { db in
            try db.execute(sql: "UPDATE outbox SET state = 'pending' WHERE state = 'in_flight'")
            return db.changes
        }
    }

    /// The server accepted the entry: in one transaction, mark it `done`, give a created object
    /// its server id everywhere, store the object the server answered, and rebuild the view.
    public func markDone(_ seq: Int64, serverObject: SyncedObject?) throws {
        let now = replica.clock()
        try replica.transaction { db in
            var entry = try Self.require(db, seq, in: [.pending, .inFlight, .failed, .conflict])
            if entry.kind.request.creates, let object = serverObject, LocalID.isLocal(entry.objectID),
               object.objectType == entry.kind.request.objectType {
                try Aliases.replace(db, type: object.objectType, local: entry.objectID, server: object.id, at: now)
                entry.objectID = object.id
            }
            try db.execute(sql: """
                UPDATE outbox SET state = 'done', error_status = NULL, error_code = NULL, error_message = NULL,
                    error_field = NULL, changed_at = ? WHERE seq = ?
                """, arguments: [now.description, seq])
            if let object = serverObject {
                _ = try Replica.applyInTransaction(db, object, at: now)
                try Self.advanceBases(db, after: entry, object: object)
            }
            try History.append(db, type: entry.kind.request.objectType, recordID: entry.objectID, event: "pushed",
                               outboxSeq: seq, at: now)
            if let fresh = try OutboxStore.entry(db, seq: seq) { try ViewRebuilder.rebuild(db, touchedBy: fresh) }
        }
    }

    /// The server refused the entry (a 4xx other than a conflict); its dependents stay blocked.
    public func markFailed(_ seq: Int64, _ failure: OutboxEntry.Failure) throws {
        try settle(seq, state: .failed, failure, theirs: nil)
    }

    /// The server answered `412 version_conflict` with its current object: both are kept (mine
    /// is the body and the view, theirs is stored and applied as server state, base is the copy
    /// the edit was made against) until `retry` or `drop`.
    public func markConflict(_ seq: Int64, _ failure: OutboxEntry.Failure, theirs: SyncedObject?) throws {
        try settle(seq, state: .conflict, failure, theirs: theirs)
    }

    /// Sends a failed or conflicting entry again. With `keepingMine`, a conflict is resolved in
    /// favour of the local edit: its base becomes the server's current version.
    public func retry(_ seq: Int64, keepingMine: Bool = false) throws {
        try replica.transaction { db in
            let entry = try Self.require(db, seq, in: [.failed, .conflict])
            var baseVersion = entry.baseVersion
            var baseJSON = entry.base.map { try? JSONStore.text($0) } ?? nil
            if keepingMine, let theirs = entry.theirs, case .integer(let version)? = theirs["version"] {
                baseVersion = Int(version)
                baseJSON = try JSONStore.text(theirs)
            }
            try db.execute(sql: """
                UPDATE outbox SET state = 'pending', base_version = ?, base_json = ?, error_status = NULL,
                    error_code = NULL, error_message = NULL, error_field = NULL, theirs_json = NULL, changed_at = ?
                WHERE seq = ?
                """, arguments: [baseVersion, baseJSON, replica.clock().description, seq])
        }
    }

    /// Drops an entry the user gives up on, with every entry that depends on it, and rebuilds
    /// the view without them. Returns the sequence numbers dropped. An `in_flight` entry cannot
    /// be dropped: the server may be executing it.
    @discardableResult
    public func drop(_ seq: Int64) throws -> [Int64] {
        let now = replica.clock()
        return try replica.transaction { db in
            _ = try Self.require(db, seq, in: [.pending, .failed, .conflict])
            let seqs = [seq] + (try OutboxStore.dependents(db, of: seq))
            let entries = try seqs.compactMap { try OutboxStore.entry(db, seq: $0) }
            if entries.contains(where: { $0.state == .inFlight }) {
                throw ReplicaError(.invalidState, "cannot drop entry \(seq): an entry depending on it is in flight")
            }
            for entry in entries {
                try db.execute(sql: "DELETE FROM outbox WHERE seq = ?", arguments: [entry.seq])
                try History.append(db, type: entry.kind.request.objectType, recordID: entry.objectID, event: "dropped",
                                   outboxSeq: entry.seq, at: now)
            }
            for entry in entries.reversed() { try ViewRebuilder.rebuild(db, touchedBy: entry) }
            return seqs
        }
    }

    /// Resolves a conflict or failure by taking the server's side: this entry goes, and so do the
    /// entries that depend on it only when it creates an object (they name an id that will never
    /// exist). Otherwise its dependents stay and are released: the object they act on exists on
    /// the server, so a repayment queued behind a disbursement that met someone else's is still
    /// sent (and refused visibly if the server's state no longer allows it), never lost quietly.
    /// Returns the sequence numbers removed.
    @discardableResult
    public func takeTheirs(_ seq: Int64) throws -> [Int64] {
        guard let entry = try entry(seq) else { throw ReplicaError(.notFound, "no outbox entry \(seq)") }
        if entry.kind.request.creates { return try drop(seq) }
        let now = replica.clock()
        return try replica.transaction { db in
            _ = try Self.require(db, seq, in: [.failed, .conflict])
            // ON DELETE CASCADE removes the dependency rows, which releases the dependents.
            try db.execute(sql: "DELETE FROM outbox WHERE seq = ?", arguments: [seq])
            try History.append(db, type: entry.kind.request.objectType, recordID: entry.objectID, event: "dropped",
                               outboxSeq: seq, at: now)
            try ViewRebuilder.rebuild(db, touchedBy: entry)
            return [seq]
        }
    }

    private func settle(_ seq: Int64, state: OutboxEntry.State, _ failure: OutboxEntry.Failure, theirs: SyncedObject?) throws {
        let now = replica.clock()
        try replica.transaction { db in
            let entry = try Self.require(db, seq, in: [.pending, .inFlight])
            try db.execute(sql: """
                UPDATE outbox SET state = ?, error_status = ?, error_code = ?, error_message = ?, error_field = ?,
                    theirs_json = ?, changed_at = ? WHERE seq = ?
                """, arguments: [
                    state.rawValue, failure.status, failure.code, failure.message, failure.field,
                    try theirs.map { try JSONStore.text($0) }, now.description, seq,
                ])
            if let theirs { _ = try Replica.applyInTransaction(db, theirs, at: now) }
            try History.append(db, type: entry.kind.request.objectType, recordID: entry.objectID,
                               event: state == .conflict ? "push_conflict" : "push_failed", outboxSeq: seq,
                               errorCode: failure.code, at: now)
            try ViewRebuilder.rebuild(db, touchedBy: entry)
        }
    }

    /// After our own edit moved the object from version v to v+1, the edits queued behind it
    /// against v are really against v+1. If the server's version jumped further, someone else
    /// changed the object too: their base stays, so the server reports the conflict.
    private static func advanceBases(_ db: Database, after entry: OutboxEntry, object: SyncedObject) throws {
        guard let version = try ServerStore.version(db, type: object.objectType, id: object.id), version > 0,
              object.id == entry.objectID else { return }
        let json = try ServerStore.json(db, type: object.objectType, id: object.id)
        let creates = OutboxKind.requests.filter(\.creates).map { "'\($0.kind.rawValue)'" }.joined(separator: ", ")
        if entry.kind.request.creates {
            try db.execute(sql: """
                UPDATE outbox SET base_version = ?, base_json = ?
                WHERE object_id = ? AND state != 'done' AND base_version IS NULL AND kind NOT IN (\(creates))
                """, arguments: [version, json, object.id])
        } else if let base = entry.baseVersion, version == base + 1 {
            try db.execute(sql: """
                UPDATE outbox SET base_version = ?, base_json = ?
                WHERE object_id = ? AND state != 'done' AND base_version = ?
                """, arguments: [version, json, object.id, base])
        }
    }

    private static func require(_ db: Database, _ seq: Int64, in states: Set<OutboxEntry.State>) throws -> OutboxEntry {
        guard let entry = try OutboxStore.entry(db, seq: seq) else {
            throw ReplicaError(.notFound, "no outbox entry \(seq)")
        }
        guard states.contains(entry.state) else {
            throw ReplicaError(.invalidState, "outbox entry \(seq) is \(entry.state.rawValue)")
        }
        return entry
    }
}

extension Replica {
    /// The outbox, for the sync engine.
    public var outbox: Outbox { Outbox(replica: self) }
}
