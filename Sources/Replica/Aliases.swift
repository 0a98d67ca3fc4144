import FincoreModel
import SQLite

/// Local ids and the server ids that replaced them.
///
/// When a create is acknowledged (or a pull brings the object by its `external_id`), the
/// server id replaces the local id everywhere: the record's row, the rows that refer to it,
/// and the outbox (columns and JSON bodies still to be sent). The alias row keeps the local id
/// resolving, for a screen or a script that still holds it.
enum Aliases {
    /// The id to use now: the server id of an acknowledged local id, else `id` itself.
    static func resolve(_ db: Database, _ id: String) throws -> String {
        guard LocalID.isLocal(id) else { return id }
        return try db.fetchOne(String.self, sql: "SELECT server_id FROM id_aliases WHERE local_id = ?", arguments: [id]) ?? id
    }

    /// Replaces `local` by `server` everywhere. Local ids are unique random tokens, so replacing
    /// the quoted token inside JSON text cannot touch anything else.
    static func replace(_ db: Database, type: ObjectType, local: String, server: String, at now: Timestamp) throws {
        guard local != server, let table = RecordTable.name(type) else { return }
        try db.execute(sql: "INSERT OR REPLACE INTO id_aliases (local_id, server_id, object_type) VALUES (?, ?, ?)",
                       arguments: [local, server, type.rawValue])
        let serverRowExists = try db.fetchOne(Int.self, sql: "SELECT count(*) FROM \(table) WHERE id = ?",
                                              arguments: [server]) == 1
        if serverRowExists {
            try ViewStore.delete(db, type: type, id: local)
        } else {
            try db.execute(sql: "UPDATE \(table) SET id = ?2 WHERE id = ?1", arguments: [local, server])
        }
        let swap = "replace(view_json, '\"' || ?1 || '\"', '\"' || ?2 || '\"')"
        switch type {
        case .client:
            for other in ["loans", "payments", "payment_links"] {
                try db.execute(sql: "UPDATE \(other) SET client_id = ?2, view_json = \(swap) WHERE client_id = ?1",
                               arguments: [local, server])
            }
        case .loan:
            for other in ["payments", "payment_links"] {
                try db.execute(sql: "UPDATE \(other) SET loan_id = ?2, view_json = \(swap) WHERE loan_id = ?1",
                               arguments: [local, server])
            }
            try db.execute(sql: "UPDATE instalments SET loan_id = ?2 WHERE loan_id = ?1", arguments: [local, server])
        default:
            break
        }
        try db.execute(sql: """
            UPDATE outbox SET
                object_id = CASE object_id WHEN ?1 THEN ?2 ELSE object_id END,
                loan_id = CASE loan_id WHEN ?1 THEN ?2 ELSE loan_id END,
                client_id = CASE client_id WHEN ?1 THEN ?2 ELSE client_id END,
                body = replace(body, '"' || ?1 || '"', '"' || ?2 || '"')
            WHERE object_id = ?1 OR loan_id = ?1 OR client_id = ?1 OR instr(body, ?1) > 0
            """, arguments: [local, server])
        try History.append(db, type: type, recordID: server, event: "id_assigned", at: now)
    }
}
