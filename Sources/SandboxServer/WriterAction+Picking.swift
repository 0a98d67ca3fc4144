import FincoreModel
import SQLite

/// How writers pick their objects: at random, in O(log n) on the primary key, so that picking
/// stays cheap on a store of a million rows and never holds the store's queue for long.
extension WriterAction {
    /// A random id of `type` (optionally in `status`): the first id at or after a random probe
    /// in the type's id range, wrapping around to the start of the range.
    static func randomID(_ type: ObjectType, status: String? = nil, _ tx: StoreTransaction,
                         using rng: inout SeededRandom) throws -> String? {
        let probe = type.idPrefix + rng.characters(24, from: idAlphabet)
        // `~` sorts after every id character, so [prefix, prefix + "~") holds exactly this type's ids.
        let end = type.idPrefix + "~"
        let sql = "SELECT id FROM objects WHERE id >= ? AND id < ? AND kind = ?"
            + (status == nil ? "" : " AND status = ?") + " ORDER BY id LIMIT 1"
        for start in [probe, type.idPrefix] {
            var arguments: [(any SQLiteValueConvertible)?] = [start, end, type.rawValue]
            if let status { arguments.append(status) }
            if let id = try tx.db.fetchOne(String.self, sql: sql, arguments: StatementArguments(arguments)) {
                return id
            }
        }
        return nil
    }

    /// A random client without loans, looking at a bounded run of ids after a random probe.
    static func randomClientWithoutLoans(_ tx: StoreTransaction, using rng: inout SeededRandom) throws -> String? {
        let prefix = ObjectType.client.idPrefix
        let probe = prefix + rng.characters(24, from: idAlphabet)
        for start in [probe, prefix] {
            let id = try tx.db.fetchOne(String.self, sql: """
                SELECT id FROM (SELECT id FROM objects WHERE id >= ? AND id < ? AND kind = 'client'
                                ORDER BY id LIMIT 200) AS c
                WHERE NOT EXISTS (SELECT 1 FROM objects WHERE client_id = c.id AND kind = 'loan')
                LIMIT 1
                """, arguments: [start, prefix + "~"])
            if let id { return id }
        }
        return nil
    }

    /// The latest pending payment among the 500 most recently changed payments (pending ones are
    /// recent; the bound keeps the scan short when there are none).
    static func recentPendingPaymentID(_ tx: StoreTransaction) throws -> String? {
        try tx.db.fetchOne(String.self, sql: """
            SELECT id FROM (SELECT id, status FROM objects WHERE kind = 'payment'
                            ORDER BY updated_at DESC, id DESC LIMIT 500)
            WHERE status = 'pending' LIMIT 1
            """)
    }

    static let idAlphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
}
