import FincoreModel
import SQLite

/// Webhook events: the same download path as a pull (`applyInTransaction`, its version rule and
/// its purge), plus durable deduplication by event `id` (contract § Webhooks: "deliveries may
/// repeat and arrive out of order (deduplicate by event `id`)").
///
/// The event id is recorded in the transaction that applies the event, so a crash either keeps
/// both or neither: an event is never applied twice, nor recorded without being applied. Pull
/// stays the source of truth: events never move a pull cursor, so whatever an event missed or
/// got wrong, the next incremental sync brings.
extension Replica {
    /// What receiving one event did.
    public enum EventOutcome: String, Sendable, Hashable {
        /// The object was newer and is now stored.
        case applied
        /// The replica had that version or a newer one (or the object was deleted): nothing changed.
        case stale
        /// A tombstone was applied (for a client: purged).
        case deleted
        /// This event id was handled before: nothing changed.
        case duplicate
        /// Not kept here: outside the replica's scope, a tombstone of something it never had, or
        /// a type it does not keep.
        case ignored
    }

    /// Applies `event.object` unless the event was seen before; `admit` decides whether an object
    /// the replica does not have yet belongs to it (the sync scope).
    public func receive(_ event: WebhookEvent, admit: (SyncedObject) -> Bool) throws -> EventOutcome {
        let now = clock()
        let (outcome, purged) = try transaction { db -> (EventOutcome, Bool) in
            if try db.fetchOne(Int.self, sql: "SELECT 1 FROM webhook_events WHERE id = ?",
                               arguments: [event.id.rawValue]) != nil {
                return (.duplicate, false)
            }
            var outcome = EventOutcome.ignored
            var purged = false
            let object = event.object
            let known = try ServerStore.version(db, type: object.objectType, id: object.id) != nil
            if case .tombstone = object {
                // Recorded even when absent, so a late copy of the object stays out.
                switch try Self.applyInTransaction(db, object, at: now, source: "webhook") {
                case .deleted(let client): (outcome, purged) = (.deleted, client)
                default: outcome = .ignored
                }
            } else if known || admit(object) {
                switch try Self.applyInTransaction(db, object, at: now, source: "webhook") {
                case .stored: outcome = .applied
                case .stale: outcome = .stale
                case .ignored, .deleted: outcome = .ignored
                }
            }
            if purged { try Purge.compactSearchIndex(db) }
            try db.execute(sql: """
                INSERT INTO webhook_events (id, type, object_id, outcome, received_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [event.id.rawValue, event.type.rawValue, object.id, outcome.rawValue, now.description])
            return (outcome, purged)
        }
        if purged { try checkpoint() }
        return outcome
    }

    /// Whether an event id was handled (for tests and diagnostics).
    public func hasReceived(_ id: EventID) throws -> Bool {
        try read { db in
            try db.fetchOne(Int.self, sql: "SELECT 1 FROM webhook_events WHERE id = ?", arguments: [id.rawValue]) != nil
        }
    }

    /// Forgets event ids received before `cutoff`; returns how many. A sender stops retrying long
    /// before (and a replay is refused by the signature's 300 s window), and a late repeat would
    /// meet the version rule anyway, so the table need not grow forever.
    @discardableResult
    public func forgetEvents(receivedBefore cutoff: Timestamp) throws -> Int {
        try transaction { db in
            try db.execute(sql: "DELETE FROM webhook_events WHERE received_at < ?", arguments: [cutoff.description])
            return db.changes
        }
    }
}
