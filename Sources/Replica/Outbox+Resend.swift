import FincoreModel
import Foundation
import SQLite

/// What the sync engine needs to send an entry again: a fresh idempotency key with a new base,
/// and handing back one entry it did not get an answer for.
extension Outbox {
    /// Gives an entry a new `Idempotency-Key` and, when given, a new base version and base copy.
    ///
    /// Why: the server stores every answer under its key, a `412` or `409` included (contract §
    /// Idempotency, "Precise answers"), so an entry rebased onto the server's current version,
    /// or resolved "keep mine", would get the stored refusal again forever under the old key.
    /// Sending it again under a new key is safe: a create still carries its `external_id` and
    /// every other entry its `If-Match`, so nothing can execute twice. Returns the new key.
    @discardableResult
    public func rekey(_ seq: Int64, baseVersion: Int? = nil, base: JSONValue? = nil) throws -> String {
        let key = UUID().uuidString.lowercased()
        try replica.transaction { db in
            guard let entry = try OutboxStore.entry(db, seq: seq) else {
                throw ReplicaError(.notFound, "no outbox entry \(seq)")
            }
            guard entry.state != .done else {
                throw ReplicaError(.invalidState, "outbox entry \(seq) is done")
            }
            try db.execute(sql: """
                UPDATE outbox SET idempotency_key = ?, base_version = coalesce(?, base_version),
                    base_json = coalesce(?, base_json), changed_at = ? WHERE seq = ?
                """, arguments: [key, baseVersion, try base.map { try JSONStore.text($0) },
                                 replica.clock().description, seq])
        }
        return key
    }

    /// Puts one `in_flight` entry back to `pending` (no answer came, or the engine deferred it),
    /// to be sent again later with the same key. `requeueInFlight` does this for every entry
    /// after a crash; this is for one entry while other engines' entries may be in flight.
    public func release(_ seq: Int64) throws {
        try replica.transaction { db in
            try db.execute(sql: "UPDATE outbox SET state = 'pending' WHERE seq = ? AND state = 'in_flight'",
                           arguments: [seq])
        }
    }
}
