import FincoreModel
import Foundation
import SQLite

/// The dispatcher's bookkeeping: published events (`events`) and where each delivery stands
/// (`deliveries`), so a restart or an operator can see what went out.
extension StoreTransaction {
    /// Stores a published event with its delivery body.
    func insertEvent(id: EventID, type: EventType, at: Timestamp, body: Data) throws {
        try db.execute(sql: "INSERT INTO events (id, created_at, type, doc) VALUES (?, ?, ?, ?)",
                       arguments: [id.rawValue, at.microsecondsSinceEpoch, type.rawValue, body])
    }

    /// Records a delivery's new status; `attempted` adds one to its attempt count.
    func recordDelivery(_ delivery: WebhookDelivery, status: DeliveryStatus, attempted: Bool = false,
                        statusCode: Int? = nil) throws {
        try db.execute(sql: """
            INSERT INTO deliveries (event_id, webhook_id, status, attempts, last_status_code, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (event_id, webhook_id) DO UPDATE SET
                status = excluded.status, attempts = attempts + excluded.attempts,
                last_status_code = coalesce(excluded.last_status_code, last_status_code),
                updated_at = excluded.updated_at
            """, arguments: [delivery.eventID.rawValue, delivery.webhookID.rawValue, status.rawValue,
                             attempted ? 1 : 0, statusCode, now.microsecondsSinceEpoch])
    }

    /// The endpoint's current URL and secret when it still wants this event type: enabled and
    /// subscribed; nil once it was disabled, unsubscribed or deleted (retries then stop).
    func deliveryTarget(webhookID: WebhookID, type: EventType) throws -> (url: String, secret: String)? {
        guard let row = try db.fetchOne(sql: "SELECT secret, doc FROM webhooks WHERE id = ?",
                                        arguments: [webhookID.rawValue]) else { return nil }
        let webhook = try decode(Webhook.self, from: try row.decode(Data.self, column: "doc"))
        guard webhook.status == .enabled, webhook.events.contains(type) else { return nil }
        return (webhook.url, try row.decode(String.self, column: "secret"))
    }

    /// Every delivery to an endpoint, oldest event first: what went out and how it ended.
    func deliveries(webhookID: String) throws
        -> [(eventID: String, status: DeliveryStatus?, attempts: Int, statusCode: Int?)] {
        try db.fetchAll(sql: """
            SELECT d.event_id, d.status, d.attempts, d.last_status_code FROM deliveries d
            JOIN events e ON e.id = d.event_id WHERE d.webhook_id = ? ORDER BY e.created_at, e.rowid
            """, arguments: [webhookID]).map { row in
            (try row.decode(String.self, column: "event_id"),
             DeliveryStatus(rawValue: try row.decode(String.self, column: "status")),
             try row.decode(Int.self, column: "attempts"),
             try row.decode(Int?.self, column: "last_status_code"))
        }
    }
}
