import FincoreModel
import SQLite

/// Downloads: what the sync engine calls with the objects a pull returned.
///
/// The version rule: an object is written only when its `version` is newer than the stored one,
/// so an older copy (a slow page, a replayed webhook) never overwrites a newer one. The object
/// lands in the server copy; the user's view is then recomputed with the pending outbox on top
/// (STYLE habit 8: downloads never land over pending edits).
extension Replica {
    /// Applies one downloaded object or tombstone in its own transaction.
    @discardableResult
    public func apply(_ object: SyncedObject) throws -> ApplyReport {
        try apply(batch: [object])
    }

    /// Applies a tombstone: deletes the object, and for a client purges it (see `purgeClient`).
    @discardableResult
    public func applyTombstone(_ tombstone: Tombstone) throws -> ApplyReport {
        try apply(batch: [.tombstone(tombstone)])
    }

    /// Applies a page of downloads in one transaction: all of it is stored, or none.
    ///
    /// When a client was purged, the search index is compacted before the commit and the WAL
    /// checkpointed and truncated after it, so the client's data is gone from every file.
    @discardableResult
    public func apply(batch objects: [SyncedObject]) throws -> ApplyReport {
        let now = clock()
        let (report, purged) = try transaction { db in
            var report = ApplyReport()
            var purged = false
            for object in objects {
                switch try Self.applyInTransaction(db, object, at: now) {
                case .stored: report.stored += 1
                case .stale: report.stale += 1
                case .ignored: report.ignored += 1
                case .deleted(let client):
                    report.deleted += 1
                    purged = purged || client
                }
            }
            if purged { try Purge.compactSearchIndex(db) }
            return (report, purged)
        }
        if purged { try checkpoint() }
        return report
    }

    enum Outcome {
        case stored, stale, ignored
        /// Deleted; true when a client (personal data) was purged.
        case deleted(client: Bool)
    }

    /// Applies one object inside the caller's transaction; `source` names where it came from in
    /// the record's history (`pulled`, `webhook`).
    ///
    /// A tombstone's id is remembered in `deleted_objects` even when the object was never here, and
    /// a copy of a deleted object is stale whatever its version: ids are never reused, so nothing
    /// that arrives after the tombstone (a shuffled webhook, a slow page) can bring it back.
    static func applyInTransaction(_ db: Database, _ object: SyncedObject, at now: Timestamp,
                                   source: String = "pulled") throws -> Outcome {
        let version: Int
        let updatedAt: Timestamp
        let externalID: String?
        switch object {
        case .client(let x): (version, updatedAt, externalID) = (x.version, x.updatedAt, x.externalID)
        case .loan(let x): (version, updatedAt, externalID) = (x.version, x.updatedAt, x.externalID)
        case .payment(let x): (version, updatedAt, externalID) = (x.version, x.updatedAt, x.externalID)
        case .paymentLink(let x): (version, updatedAt, externalID) = (x.version, x.updatedAt, x.externalID)
        case .tombstone(let tombstone):
            try db.execute(sql: """
                INSERT INTO deleted_objects (id, object_type, deleted_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING
                """, arguments: [tombstone.id, tombstone.object.rawValue, tombstone.updatedAt.description])
            // Contract: "a client that deleted an object it never had ignores the tombstone".
            guard try ServerStore.version(db, type: tombstone.object, id: tombstone.id) != nil else { return .ignored }
            return .deleted(client: try Purge.tombstone(db, tombstone, at: now))
        case .webhook, .report:
            return .ignored
        }
        let type = object.objectType
        guard !LocalID.isLocal(object.id) else {
            throw ReplicaError(.invalidObject, "the server sent a \(type.rawValue) whose id uses the local marker",
                               field: "id")
        }
        guard version >= 1 else {
            throw ReplicaError(.invalidObject, "the server sent a \(type.rawValue) with version \(version)", field: "version")
        }
        if try db.fetchOne(Int.self, sql: "SELECT 1 FROM deleted_objects WHERE id = ?", arguments: [object.id]) != nil {
            return .stale
        }
        let stored = try ServerStore.version(db, type: type, id: object.id)
        if let stored, stored >= version { return .stale }
        if stored == nil, let externalID, let table = RecordTable.name(type),
           let local = try db.fetchOne(String.self, sql: """
               SELECT id FROM \(table) WHERE external_id = ? AND server_json IS NULL
               """, arguments: [externalID]), LocalID.isLocal(local) {
            // Our own offline create, found by its external_id before its acknowledgement.
            try Aliases.replace(db, type: type, local: local, server: object.id, at: now)
        }
        try ViewRebuilder.rebuild(db, type: type, id: object.id, base: object)
        try ServerStore.write(db, object, version: version, updatedAt: updatedAt)
        try History.append(db, type: type, recordID: object.id, event: source, version: version, at: now)
        return .stored
    }

    /// Copies the WAL into the database and truncates it, so deleted data leaves the -wal file.
    func checkpoint() throws {
        try queue.write { db in try db.checkpointTruncatingWAL() }
    }
}
