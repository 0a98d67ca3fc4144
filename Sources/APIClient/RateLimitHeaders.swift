import Foundation

/// The rate-limit headers of one response: the state of the bucket the request counted against.
///
/// Contract ("Rate limits in detail"): every authenticated response, 429 included, carries
/// `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (whole seconds until
/// the window refills, rounded up); a 401 carries none.
public struct RateLimitHeaders: Sendable, Hashable, CustomStringConvertible {
    /// Requests allowed in one window.
    public var limit: Int
    /// Requests left in the current window after this one.
    public var remaining: Int
    /// Whole seconds until the window refills (rounded up by the server).
    public var resetSeconds: Int

    public init(limit: Int, remaining: Int, resetSeconds: Int) {
        self.limit = limit
        self.remaining = remaining
        self.resetSeconds = resetSeconds
    }

    /// Reads the three headers through `header` (a case-insensitive lookup); nil unless all three
    /// are non-negative integers, so a proxy's garbled header never seeds the scheduler.
    public init?(header: (String) -> String?) {
        guard let limit = header("X-RateLimit-Limit").flatMap(Self.wholeNumber),
              let remaining = header("X-RateLimit-Remaining").flatMap(Self.wholeNumber),
              let reset = header("X-RateLimit-Reset").flatMap(Self.wholeNumber)
        else { return nil }
        self.init(limit: limit, remaining: remaining, resetSeconds: reset)
    }

    /// A header's value as a non-negative integer (`Retry-After`, the rate-limit headers).
    static func wholeNumber(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Int(trimmed), value >= 0 else { return nil }
        return value
    }

    public var description: String { "\(remaining)/\(limit), reset in \(resetSeconds)s" }
}
