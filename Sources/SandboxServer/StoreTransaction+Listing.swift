import FincoreModel
import Foundation
import SQLite

extension StoreTransaction {
    /// One page of a list: the objects' stored JSON (and tombstones when asked), and the total.
    ///
    /// Tombstones are listed only with `updated_since` and ignore the filters (contract §
    /// Incremental listing); they sort among the objects by `(updated_at, id)`.
    func page(of type: ObjectType, _ query: ListQuery) throws -> (items: [Data], total: Int) {
        var conditions = ["kind = ?"]
        var arguments: [(any SQLiteValueConvertible)?] = [type.rawValue]
        for (column, value) in query.filters where SandboxSchema.filterColumns.contains(column) {
            conditions.append("\(column) = ?")
            arguments.append(value)
        }
        if let externalID = query.externalID {
            conditions.append("external_id = ?")
            arguments.append(externalID)
        }
        if let since = query.updatedSince {
            conditions.append("updated_at >= ?")
            arguments.append(since.microsecondsSinceEpoch)
        }
        let sortKey = query.sortByUpdatedAt ? "updated_at" : "created_at"
        var source = "SELECT id, \(sortKey) AS k, doc, NULL AS kind FROM objects WHERE "
            + conditions.joined(separator: " AND ")
        if query.includeDeleted, let since = query.updatedSince, query.externalID == nil {
            source += " UNION ALL SELECT id, updated_at AS k, NULL AS doc, kind FROM tombstones"
                + " WHERE kind = ? AND updated_at >= ?"
            arguments += [type.rawValue, since.microsecondsSinceEpoch]
        }
        let total = try db.fetchOne(Int.self, sql: "SELECT count(*) FROM (\(source))",
                                    arguments: StatementArguments(arguments)) ?? 0
        let rows = try db.fetchAll(
            sql: "SELECT id, k, doc, kind FROM (\(source)) ORDER BY k, id LIMIT ? OFFSET ?",
            arguments: StatementArguments(arguments + [query.limit, query.offset]))
        var items: [Data] = []
        items.reserveCapacity(rows.count)
        for row in rows {
            if let doc: Data = try row.decode(Data?.self, column: "doc") {
                items.append(doc)
            } else {
                let id: String = try row.decode(String.self, column: "id")
                let at = Timestamp(microsecondsSinceEpoch: try row.decode(Int64.self, column: "k"))
                if let tombstone = Tombstone(id: id, object: type, updatedAt: at) {
                    items.append(try encode(tombstone))
                }
            }
        }
        return (items, total)
    }

    /// The list body `{"data":[…],"meta":{"total":…,"limit":…,"offset":…}}`, built from stored JSON.
    static func listBody(items: [Data], total: Int, query: ListQuery) -> Data {
        var body = Data(#"{"data":["#.utf8)
        for (index, item) in items.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(item)
        }
        body.append(Data(#"],"meta":{"limit":\#(query.limit),"offset":\#(query.offset),"total":\#(total)}}"#.utf8))
        return body
    }
}
