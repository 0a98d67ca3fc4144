/// The body of `POST /v1/webhooks`: `{url, events:[..]}` (contract § Webhooks).
public struct NewWebhook: RequestBody {
    public var url: String
    public var events: [EventType]

    public init(url: String, events: [EventType]) {
        self.url = url
        self.events = events
    }

    /// Keys refused: the common ones and the server-made `secret`.
    public static let readOnlyKeys = RequestReader.commonReadOnlyKeys + ["secret"]

    public func validate() -> ValidationErrors {
        var v = ValidationErrors()
        v.check(Validation.webhookURL(url))
        v.check(Validation.events(events))
        return v
    }
}

extension NewWebhook: Codable {
    enum CodingKeys: String, CodingKey { case url, events }

    public init(from decoder: any Decoder) throws {
        var r = try RequestReader(decoder)
        r.refuseReadOnly(NewWebhook.readOnlyKeys)
        let url: String? = r.required("url")
        var events: [EventType]?
        if r.sentKeys.contains("events") {
            events = r.vocabularyList("events", of: EventType.self)
        } else {
            _ = r.required("events", as: [String].self)
        }
        try r.finish()
        self.url = url ?? ""
        self.events = events ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(url, forKey: .url)
        try c.encode(events, forKey: .events)
    }
}
