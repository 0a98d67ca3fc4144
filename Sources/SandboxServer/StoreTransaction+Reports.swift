import FincoreModel
import Foundation
import SQLite

/// Report jobs in the store: the `reports` table keeps each one's JSON as answered and, for an
/// export, the NDJSON snapshot taken when it completed.
extension StoreTransaction {
    /// A stored report: its JSON, when it was requested, and the model's reading of it.
    struct StoredReport {
        let doc: Data
        let createdAt: Timestamp
        let report: Report
        /// The whole document, to read and change keys the model does not know (`params.from`).
        let members: [String: JSONValue]
    }

    func insertReport(id: ReportID, doc: Data) throws {
        try db.execute(sql: "INSERT INTO reports (id, created_at, doc) VALUES (?, ?, ?)",
                       arguments: [id.rawValue, now.microsecondsSinceEpoch, doc])
    }

    func report(id: String) throws -> StoredReport? {
        guard let row = try db.fetchOne(sql: "SELECT created_at, doc FROM reports WHERE id = ?",
                                        arguments: [id]) else { return nil }
        let doc: Data = try row.decode(Data.self, column: "doc")
        guard case .object(let members) = try decode(JSONValue.self, from: doc) else {
            throw APIFailure.internalError
        }
        return StoredReport(doc: doc, createdAt: Timestamp(microsecondsSinceEpoch: try row.decode(Int64.self, column: "created_at")),
                            report: try decode(Report.self, from: doc), members: members)
    }

    /// Stores a report's new JSON and, for an export, its snapshot.
    func updateReport(id: String, doc: Data, download: Data?) throws {
        try db.execute(sql: "UPDATE reports SET doc = ?, download = ? WHERE id = ?",
                       arguments: [doc, download, id])
    }

    /// `length` bytes of the snapshot from byte `offset` (0-based); empty past the end.
    func reportDownloadChunk(id: String, offset: Int, length: Int) throws -> Data {
        // substr on a BLOB counts bytes, 1-based (https://sqlite.org/lang_corefunc.html#substr).
        let chunk = try db.fetchOne(Data?.self, sql: "SELECT substr(download, ?, ?) FROM reports WHERE id = ?",
                                    arguments: [offset + 1, length, id])
        return (chunk ?? nil) ?? Data()
    }

    /// Calls `body` with the stored JSON of every object of `type` in scope, in creation order,
    /// one at a time (a cursor: an export never holds the decoded table).
    func forEachObject(_ type: ObjectType, branchID: String?, officerID: String?,
                       _ body: (Data) throws -> Void) throws {
        var sql = "SELECT doc FROM objects WHERE kind = ?"
        var arguments: [(any SQLiteValueConvertible)?] = [type.rawValue]
        if let branchID {
            sql += " AND branch_id = ?"
            arguments.append(branchID)
        }
        if let officerID {
            sql += " AND officer_id = ?"
            arguments.append(officerID)
        }
        try db.fetchCursor(sql: sql + " ORDER BY created_at, id", arguments: StatementArguments(arguments))
            .forEach { row in try body(try row.decode(Data.self, at: 0)) }
    }
}
