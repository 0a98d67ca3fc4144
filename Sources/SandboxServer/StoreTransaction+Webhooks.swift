import FincoreModel
import Foundation
import SQLite

/// Webhook endpoints in the store: the `webhooks` table keeps each one's JSON with `secret` null
/// (what every answer but the create one shows) and the secret apart, for signing only.
extension StoreTransaction {
    /// A stored endpoint (redacted) and its JSON, or nil.
    func webhook(id: String) throws -> (Webhook, Data)? {
        guard let doc = try db.fetchOne(Data.self, sql: "SELECT doc FROM webhooks WHERE id = ?",
                                        arguments: [id]) else { return nil }
        return (try decode(Webhook.self, from: doc), doc)
    }

    /// Stores a new endpoint; the document never holds the secret.
    func insertWebhook(_ webhook: Webhook, secret: String) throws {
        let doc = try encode(webhook.redacted)
        try db.execute(sql: "INSERT INTO webhooks (id, created_at, secret, doc) VALUES (?, ?, ?, ?)",
                       arguments: [webhook.id.rawValue, webhook.createdAt.microsecondsSinceEpoch, secret, doc])
    }

    /// Stamps a change (version + 1, `updated_at`) and stores it; webhooks publish no events.
    func updateWebhook(_ webhook: inout Webhook) throws -> Data {
        webhook.version += 1
        webhook.updatedAt = max(now, webhook.updatedAt)
        let doc = try encode(webhook.redacted)
        try db.execute(sql: "UPDATE webhooks SET doc = ? WHERE id = ?", arguments: [doc, webhook.id.rawValue])
        return doc
    }

    /// Removes an endpoint for good: webhooks are not synced, so no tombstone (§ Precise answers).
    func deleteWebhook(id: String) throws {
        try db.execute(sql: "DELETE FROM webhooks WHERE id = ?", arguments: [id])
    }

    /// One page of endpoints in creation order, and the total.
    func webhookPage(limit: Int, offset: Int) throws -> (items: [Data], total: Int) {
        let total = try db.fetchOne(Int.self, sql: "SELECT count(*) FROM webhooks") ?? 0
        let items = try db.fetchAll(Data.self, sql: "SELECT doc FROM webhooks ORDER BY created_at, id LIMIT ? OFFSET ?",
                                    arguments: [limit, offset])
        return (items, total)
    }

    /// Every enabled endpoint with its secret: the recipients of a batch of events.
    func enabledWebhooks() throws -> [(webhook: Webhook, secret: String)] {
        try db.fetchAll(sql: "SELECT secret, doc FROM webhooks ORDER BY created_at, id").compactMap { row in
            let webhook = try decode(Webhook.self, from: try row.decode(Data.self, column: "doc"))
            guard webhook.status == .enabled else { return nil }
            return (webhook, try row.decode(String.self, column: "secret"))
        }
    }
}
