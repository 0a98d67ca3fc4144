/// A completed report's `result`: `url` and `as_of` for exports (contract § Reports), and
/// whatever else the report type returns, kept as raw JSON in `extra`.
///
/// An export's rows are "as of `result.as_of`": rows changed later must be read with
/// `updated_since`, so `asOf` is a `Timestamp`, exact like every sync cursor.
public struct ReportResult: Hashable, Sendable {
    /// Where to `GET` the NDJSON download (`/v1/reports/{id}/download`).
    public var url: String?
    public var asOf: Timestamp?
    /// The other members of `result` (portfolio and collections figures), unchanged.
    public var extra: [String: JSONValue]

    public init(url: String? = nil, asOf: Timestamp? = nil, extra: [String: JSONValue] = [:]) {
        self.url = url
        self.asOf = asOf
        self.extra = extra
    }
}

extension ReportResult: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        url = try c.decodeIfPresent(String.self, forKey: AnyKey("url"))
        asOf = try c.decodeIfPresent(Timestamp.self, forKey: AnyKey("as_of"))
        var extra: [String: JSONValue] = [:]
        for key in c.allKeys where key.stringValue != "url" && key.stringValue != "as_of" {
            extra[key.stringValue] = try c.decode(JSONValue.self, forKey: key)
        }
        self.extra = extra
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        for (key, value) in extra where key != "url" && key != "as_of" {
            try c.encode(value, forKey: AnyKey(key))
        }
        try c.encodeNullable(url, forKey: AnyKey("url"))
        try c.encodeNullable(asOf, forKey: AnyKey("as_of"))
    }
}
