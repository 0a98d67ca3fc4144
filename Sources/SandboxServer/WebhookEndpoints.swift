import FincoreModel
import Foundation

/// `/v1/webhooks`: register, list, show, change and remove delivery endpoints (contract § Webhooks,
/// § Precise answers: `secret` only in the create answer, `version` and `ETag` like synced types).
enum WebhookEndpoints {
    static var routes: [SandboxRoute] {
        [
            SandboxRoute(.get, "/v1/webhooks", .read, list),
            SandboxRoute(.post, "/v1/webhooks", .write, create),
            SandboxRoute(.get, "/v1/webhooks/{id}", .read, show),
            SandboxRoute(.patch, "/v1/webhooks/{id}", .write, patch),
            SandboxRoute(.delete, "/v1/webhooks/{id}", .write, delete),
        ]
    }

    static func list(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        // Only `limit` and `offset` mean anything here: webhooks are not synced (no filters).
        let query = try ListQuery.parse(request.http, filters: [])
        let (items, total) = try tx.webhookPage(limit: query.limit, offset: query.offset)
        return SandboxReply(status: .ok, body: StoreTransaction.listBody(items: items, total: total, query: query))
    }

    /// 201 with the secret: the one answer that ever shows it.
    static func create(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        let body = try request.decode(NewWebhook.self)
        let secret = WebhookSecret.generate()
        let webhook = Webhook(id: .generate(), createdAt: tx.now, updatedAt: tx.now, url: body.url,
                              events: body.events, secret: secret)
        try tx.insertWebhook(webhook, secret: secret)
        return .object(try tx.encode(webhook), version: webhook.version, status: .created)
    }

    static func show(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        let (webhook, doc) = try existing(request, tx)
        return .object(doc, version: webhook.version)
    }

    static func patch(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        let (current, doc) = try existing(request, tx)
        try request.checkIfMatch(version: current.version, current: doc)
        var webhook = try request.decode(WebhookPatch.self).applied(to: current)
        let updated = try tx.updateWebhook(&webhook)
        return .object(updated, version: webhook.version)
    }

    static func delete(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        let (current, doc) = try existing(request, tx)
        try request.checkIfMatch(version: current.version, current: doc)
        try tx.deleteWebhook(id: current.id.rawValue)
        return .noContent
    }

    /// The path's endpoint and its JSON, or 404.
    private static func existing(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> (Webhook, Data) {
        guard let found = try tx.webhook(id: request.parameter()) else { throw APIFailure.notFound("webhook") }
        return found
    }
}
