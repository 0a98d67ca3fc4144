import FincoreModel

/// Webhook endpoints (contract § Webhooks): not synced, no tombstones, but versioned.
extension APIClient {
    /// `POST /v1/webhooks` `{url, events}` → 201 with `secret`, shown this once.
    public func createWebhook(_ webhook: NewWebhook, options: WriteOptions = WriteOptions()) async throws(APIError)
        -> APIResponse<Webhook> {
        try await write(.post, "webhooks", body: webhook, options: options)
    }

    /// `GET /v1/webhooks`: one page.
    public func listWebhooks(limit: Int? = nil, offset: Int? = nil) async throws(APIError)
        -> APIResponse<ListPage<Webhook>> {
        let query = ListQuery(limit: limit, offset: offset)
        return try await send(APIRequest(.get, "webhooks", query: query.parameters), as: ListPage<Webhook>.self)
    }

    /// `GET /v1/webhooks/{id}`.
    public func webhook(_ id: WebhookID) async throws(APIError) -> APIResponse<Webhook> {
        try await get(Self.path("webhooks", id.rawValue))
    }

    /// `PATCH /v1/webhooks/{id}` (`url`, `events`, `status`).
    public func updateWebhook(_ id: WebhookID, _ patch: WebhookPatch, options: WriteOptions = WriteOptions())
        async throws(APIError) -> APIResponse<Webhook> {
        try await write(.patch, Self.path("webhooks", id.rawValue), body: patch, options: options)
    }

    /// `DELETE /v1/webhooks/{id}` → 204.
    public func deleteWebhook(_ id: WebhookID, options: WriteOptions = WriteOptions()) async throws(APIError)
        -> ResponseMetadata {
        try await delete(Self.path("webhooks", id.rawValue), options: options)
    }
}
