import FincoreModel
import Foundation
import SQLite

/// One write (or read) transaction on the sandbox store: typed object access, tombstones, and the
/// events the change will publish once committed. Lives only inside `SandboxStore.write`/`read`.
final class StoreTransaction {
    let db: Database
    /// The request's clock: `created_at` of new objects.
    let now: Timestamp
    /// `updated_at` to stamp: `now`, less the injected commit lag.
    let stamp: Timestamp
    /// Events the change publishes (`client.created`, …), written with the change.
    private(set) var events: [PendingEvent] = []

    /// Forgets the events of work that was rolled back to a savepoint.
    func discardEvents() { events.removeAll() }
    private let encoder = FincoreJSON.encoder()
    private let decoder = FincoreJSON.decoder()

    init(db: Database, now: Timestamp, lagMicroseconds: Int64) {
        self.db = db
        self.now = now
        self.stamp = now.adding(microseconds: -lagMicroseconds)
    }

    // MARK: Objects

    /// The stored object of type `T` with this id, or nil.
    func object<T: StoredObject>(_ type: T.Type, id: String) throws -> T? {
        guard let data = try json(of: type, id: id) else { return nil }
        return try decode(type, from: data)
    }

    /// The stored JSON of an object, exactly as the API answers it.
    func json<T: StoredObject>(of type: T.Type, id: String) throws -> Data? {
        try db.fetchOne(Data.self, sql: "SELECT doc FROM objects WHERE id = ? AND kind = ?",
                        arguments: [id, T.objectType.rawValue])
    }

    /// The object of type `T` created with this `external_id`, as JSON, or nil.
    func json<T: StoredObject>(of type: T.Type, externalID: String) throws -> Data? {
        try db.fetchOne(Data.self, sql: "SELECT doc FROM objects WHERE kind = ? AND external_id = ?",
                        arguments: [T.objectType.rawValue, externalID])
    }

    /// Stores a new object (its timestamps and version already set) and publishes `<type>.created`.
    func insert<T: StoredObject>(_ object: T) throws -> Data {
        let doc = try encoder.encode(object)
        var columns = object.filterColumns
        let values: [(any SQLiteValueConvertible)?] = [
            object.idText, T.objectType.rawValue, object.externalID,
            object.createdAt.microsecondsSinceEpoch, object.updatedAt.microsecondsSinceEpoch,
            object.version,
        ] + SandboxSchema.filterColumns.map { columns.removeValue(forKey: $0) ?? nil } + [doc]
        try db.execute(sql: """
            INSERT INTO objects (id, kind, external_id, created_at, updated_at, version,
                                 branch_id, officer_id, status, client_id, loan_id, type, doc)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: StatementArguments(values))
        publish(T.self, suffix: "created", doc: doc)
        return doc
    }

    /// Stamps a change (version + 1, `updated_at`), stores it and publishes `<type>.updated`.
    @discardableResult
    func update<T: StoredObject>(_ object: inout T) throws -> Data {
        object.version += 1
        // A row's later change never goes back before its earlier one, even with commit lag.
        object.updatedAt = max(stamp, object.updatedAt)
        let doc = try encoder.encode(object)
        let columns = object.filterColumns
        let filterValues: [(any SQLiteValueConvertible)?] = SandboxSchema.filterColumns.map { columns[$0] ?? nil }
        try db.execute(sql: """
            UPDATE objects SET updated_at = ?, version = ?,
                branch_id = ?, officer_id = ?, status = ?, client_id = ?, loan_id = ?, type = ?, doc = ?
            WHERE id = ?
            """, arguments: StatementArguments(
                [object.updatedAt.microsecondsSinceEpoch, object.version] + filterValues
                    + [doc, object.idText]))
        publish(T.self, suffix: "updated", doc: doc)
        return doc
    }

    /// Deletes an object, leaving a tombstone for `include_deleted` listings.
    func delete<T: StoredObject>(_ object: T) throws {
        try db.execute(sql: "DELETE FROM objects WHERE id = ?", arguments: [object.idText])
        try db.execute(sql: "INSERT OR REPLACE INTO tombstones (id, kind, updated_at) VALUES (?, ?, ?)",
                       arguments: [object.idText, T.objectType.rawValue, stamp.microsecondsSinceEpoch])
        let tombstone = Tombstone(id: object.idText, object: T.objectType, updatedAt: stamp)
        if let tombstone, let doc = try? encoder.encode(tombstone) {
            publish(T.self, suffix: "deleted", doc: doc)
        }
    }

    /// Every stored object of type `T` matching a filter column, in creation order.
    func objects<T: StoredObject>(_ type: T.Type, where column: String, equals value: String) throws -> [T] {
        guard SandboxSchema.filterColumns.contains(column) else { return [] }
        let docs = try db.fetchAll(Data.self, sql: """
            SELECT doc FROM objects WHERE kind = ? AND \(column) = ? ORDER BY created_at, id
            """, arguments: [T.objectType.rawValue, value])
        return try docs.map { try decode(type, from: $0) }
    }

    func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try decoder.decode(type, from: data)
    }

    func encode<T: Encodable>(_ value: T) throws -> Data {
        try encoder.encode(value)
    }

    // MARK: Events

    /// Records an event for webhook delivery; only types the contract names are published.
    private func publish<T: StoredObject>(_ type: T.Type, suffix: String, doc: Data) {
        let name = "\(T.objectType.rawValue).\(suffix)"
        guard let eventType = EventType(rawValue: name) else { return }
        events.append(PendingEvent(type: eventType, object: doc, at: now))
    }
}

/// An event produced by a change, waiting for its transaction to commit before delivery.
struct PendingEvent: Sendable {
    let type: EventType
    /// The object's JSON (or a tombstone's) as `data.object`.
    let object: Data
    let at: Timestamp
}
