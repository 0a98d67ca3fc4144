/// What the limiter said about one request, and the three headers every authenticated response carries.
public struct RateLimitDecision: Sendable, Equatable {
    public let allowed: Bool
    public let limit: Int
    public let remaining: Int
    /// Whole seconds until the window refills, rounded up; at least 1 when the bucket is empty.
    public let resetSeconds: Int

    /// `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset`, and `Retry-After` on a refusal.
    public var headers: [(String, String)] {
        var headers = [
            ("X-RateLimit-Limit", String(limit)),
            ("X-RateLimit-Remaining", String(remaining)),
            ("X-RateLimit-Reset", String(resetSeconds)),
        ]
        if !allowed { headers.append(("Retry-After", String(resetSeconds))) }
        return headers
    }

    public static func == (a: RateLimitDecision, b: RateLimitDecision) -> Bool {
        a.allowed == b.allowed && a.limit == b.limit && a.remaining == b.remaining
            && a.resetSeconds == b.resetSeconds
    }
}
