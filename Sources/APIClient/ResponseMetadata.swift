import Foundation

/// What a response says beyond its body: version, replay, rate limit, attempts.
public struct ResponseMetadata: Sendable, Hashable {
    /// The HTTP status of the answer.
    public var status: Int
    /// The object's version from `ETag: "<version>"` (contract: `GET` on one object returns it).
    public var version: Int?
    /// Whether the answer came from the server's idempotency store (`Idempotent-Replayed: true`):
    /// the request had executed before, typically on an attempt whose answer was lost.
    public var replayed: Bool
    /// The rate-limit headers of the answer.
    public var rateLimit: RateLimitHeaders?
    /// The `Idempotency-Key` sent (the same on every attempt), for a `POST` or `PATCH`.
    public var idempotencyKey: IdempotencyKey?
    /// Attempts made, this one included.
    public var attempts: Int

    public init(
        status: Int, version: Int? = nil, replayed: Bool = false, rateLimit: RateLimitHeaders? = nil,
        idempotencyKey: IdempotencyKey? = nil, attempts: Int = 1
    ) {
        self.status = status
        self.version = version
        self.replayed = replayed
        self.rateLimit = rateLimit
        self.idempotencyKey = idempotencyKey
        self.attempts = attempts
    }

    /// The version in an `ETag` value: `"7"` or weak `W/"7"`; nil for anything else.
    public static func version(fromETag etag: String) -> Int? {
        var text = Substring(etag.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("W/") { text = text.dropFirst(2) }
        guard text.count >= 3, text.first == "\"", text.last == "\"" else { return nil }
        return Int(text.dropFirst().dropLast())
    }
}
