import FincoreModel
import SQLite

/// One event in a record's history: a local edit, a push outcome or a pulled version.
///
/// Holds ids, versions and codes only, never field values, so it can be shown and exported
/// without leaking personal data.
public struct HistoryEvent: Hashable, Sendable {
    public var seq: Int64
    public var at: Timestamp
    public var objectType: ObjectType
    public var recordID: String
    /// `local_<kind>`, `pushed`, `push_failed`, `push_conflict`, `pulled`, `id_assigned`, `dropped`.
    public var event: String
    public var version: Int?
    public var outboxSeq: Int64?
    public var errorCode: String?
}

/// Appending to and reading `record_history`.
enum History {
    static func append(
        _ db: Database, type: ObjectType, recordID: String, event: String, version: Int? = nil,
        outboxSeq: Int64? = nil, errorCode: String? = nil, at now: Timestamp
    ) throws {
        try db.execute(sql: """
            INSERT INTO record_history (at, object_type, record_id, event, version, outbox_seq, error_code)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [now.description, type.rawValue, recordID, event, version, outboxSeq, errorCode])
    }

    static func list(_ db: Database, recordIDs: [String]) throws -> [HistoryEvent] {
        let marks = Array(repeating: "?", count: recordIDs.count).joined(separator: ", ")
        let rows = try db.fetchAll(sql: """
            SELECT seq, at, object_type, record_id, event, version, outbox_seq, error_code FROM record_history
            WHERE record_id IN (\(marks)) ORDER BY seq
            """, arguments: StatementArguments(recordIDs))
        return try rows.compactMap { row in
            guard let type = ObjectType(rawValue: try row["object_type"]), let at = Timestamp(try row["at"] as String)
            else { return nil }
            return HistoryEvent(
                seq: try row["seq"], at: at, objectType: type, recordID: try row["record_id"], event: try row["event"],
                version: try row["version"], outboxSeq: try row["outbox_seq"], errorCode: try row["error_code"])
        }
    }
}
