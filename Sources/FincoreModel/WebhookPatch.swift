/// The body of `PATCH /v1/webhooks/{id}`: any of `url`, `events`, `status` (contract § Webhooks).
public struct WebhookPatch: RequestBody {
    public var url: String?
    public var events: [EventType]?
    public var status: WebhookStatus?

    public init(url: String? = nil, events: [EventType]? = nil, status: WebhookStatus? = nil) {
        self.url = url
        self.events = events
        self.status = status
    }

    public func validate() -> ValidationErrors {
        var v = ValidationErrors()
        v.check(url.flatMap { Validation.webhookURL($0) })
        v.check(events.flatMap { Validation.events($0) })
        return v
    }

    /// The endpoint after this patch; the server then bumps `version` and `updated_at`.
    public func applied(to webhook: Webhook) -> Webhook {
        var w = webhook
        w.url = url ?? w.url
        w.events = events ?? w.events
        w.status = status ?? w.status
        return w
    }
}

extension WebhookPatch: Codable {
    enum CodingKeys: String, CodingKey { case url, events, status }

    public init(from decoder: any Decoder) throws {
        var r = try RequestReader(decoder)
        r.refuseReadOnly(NewWebhook.readOnlyKeys)
        url = r.notNull("url")
        if r.sentKeys.contains("events"), r.notNull("events", as: [String].self) != nil {
            events = r.vocabularyList("events", of: EventType.self)
        } else {
            events = nil
        }
        status = r.notNull("status")
        try r.finish()
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(url, forKey: .url)
        try c.encodeIfPresent(events, forKey: .events)
        try c.encodeIfPresent(status, forKey: .status)
    }
}
