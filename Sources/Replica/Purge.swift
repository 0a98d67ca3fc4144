import FincoreModel
import SQLite

/// Removing a client's personal data from every table, the search index and, with the
/// checkpoint that follows, from the -wal file.
///
/// The connection runs with `secure_delete=ON`, so freed pages are overwritten with zeros
/// (<https://www.sqlite.org/pragma.html#pragma_secure_delete>). FTS5 keeps deleted rows' tokens
/// in old index segments until they are merged, so a purge ends with the `optimize` command,
/// which rewrites the index without them (<https://www.sqlite.org/fts5.html#the_optimize_command>).
enum Purge {
    /// Deletes a client, its loans, instalments, payments, links, outbox entries, aliases and
    /// history. Returns whether anything was there.
    @discardableResult
    static func client(_ db: Database, id: String) throws -> Bool {
        let ids = try [id] + db.fetchAll(String.self, sql: "SELECT local_id FROM id_aliases WHERE server_id = ?",
                                         arguments: [id])
        var found = false
        for clientID in ids {
            let loans = try db.fetchAll(String.self, sql: "SELECT id FROM loans WHERE client_id = ?", arguments: [clientID])
            let payments = try db.fetchAll(String.self, sql: "SELECT id FROM payments WHERE client_id = ?",
                                           arguments: [clientID])
            let links = try db.fetchAll(String.self, sql: "SELECT id FROM payment_links WHERE client_id = ?",
                                        arguments: [clientID])
            for loan in loans {
                try db.execute(sql: "DELETE FROM instalments WHERE loan_id = ?", arguments: [loan])
            }
            for table in ["loans", "payments", "payment_links"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE client_id = ?", arguments: [clientID])
            }
            try db.execute(sql: "DELETE FROM clients WHERE id = ?", arguments: [clientID])
            found = found || db.changes > 0 || !loans.isEmpty
            // Every entry records its client, so this takes the client's whole outbox, bodies
            // (KYC fields of a create or edit) and conflict copies included.
            try db.execute(sql: "DELETE FROM outbox WHERE client_id = ?1 OR object_id = ?1", arguments: [clientID])
            for record in [clientID] + loans + payments + links {
                try db.execute(sql: "DELETE FROM record_history WHERE record_id = ?", arguments: [record])
                try db.execute(sql: "DELETE FROM id_aliases WHERE server_id = ?1 OR local_id = ?1", arguments: [record])
            }
        }
        return found
    }

    /// Applies a tombstone; returns true when a client was purged.
    static func tombstone(_ db: Database, _ tombstone: Tombstone, at now: Timestamp) throws -> Bool {
        switch tombstone.object {
        case .client:
            try client(db, id: tombstone.id)
            return true
        case .loan:
            try ViewStore.delete(db, type: .loan, id: tombstone.id)
        case .payment, .paymentLink:
            try ViewStore.delete(db, type: tombstone.object, id: tombstone.id)
        case .webhook, .event, .report:
            return false
        }
        try History.append(db, type: tombstone.object, recordID: tombstone.id, event: "deleted", at: now)
        return false
    }

    /// Merges the search index so that no segment keeps a deleted client's tokens.
    static func compactSearchIndex(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO clients_fts(clients_fts) VALUES ('optimize')")
    }
}

extension Replica {
    /// Purges a client that the server deleted or that left this agent's scope: its row, its
    /// KYC, its loans, payments and links, its outbox entries and its search index entries,
    /// then checkpoints and truncates the WAL, so none of its personal data remains in the
    /// database, -wal or -shm files. Unpushed edits of the client are lost with it.
    public func purgeClient(_ id: ClientID) throws {
        try transaction { db in
            try Purge.client(db, id: Aliases.resolve(db, id.rawValue))
            try Purge.compactSearchIndex(db)
        }
        try checkpoint()
    }
}
