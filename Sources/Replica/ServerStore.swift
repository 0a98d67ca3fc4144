import FincoreModel
import SQLite

/// The server's copy of each record: `server_json` exactly as pulled, its `version` and `updated_at`.
enum ServerStore {
    /// The stored server version of a record: nil when there is no row, 0 for a record only
    /// created offline.
    static func version(_ db: Database, type: ObjectType, id: String) throws -> Int? {
        guard let table = RecordTable.name(type) else { return nil }
        return try db.fetchOne(Int.self, sql: "SELECT version FROM \(table) WHERE id = ?", arguments: [id])
    }

    /// The server's JSON of a record, nil when it has none (created offline, not yet acknowledged).
    static func json(_ db: Database, type: ObjectType, id: String) throws -> String? {
        guard let table = RecordTable.name(type) else { return nil }
        let text = try db.fetchOne(String?.self, sql: "SELECT server_json FROM \(table) WHERE id = ?", arguments: [id])
        return text ?? nil
    }

    /// The server object of a record, decoded.
    static func object(_ db: Database, type: ObjectType, id: String) throws -> SyncedObject? {
        try json(db, type: type, id: id).map { try JSONStore.decode(SyncedObject.self, $0) }
    }

    /// Records the server's copy; the row must exist (the view was written first).
    static func write(_ db: Database, _ object: SyncedObject, version: Int, updatedAt: Timestamp) throws {
        guard let table = RecordTable.name(object.objectType) else { return }
        try db.execute(sql: "UPDATE \(table) SET server_json = ?, version = ?, updated_at = ? WHERE id = ?",
                       arguments: [try JSONStore.text(object), version, updatedAt.description, object.id])
    }
}
