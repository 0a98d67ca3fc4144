import FincoreModel

/// Where one resource's incremental pull stands between syncs: the newest `(updated_at, id)`
/// applied, and how far before it the next pull must reach back.
///
/// Both come from the server's timestamps and from elapsed time measured on a monotonic clock,
/// never from the laptop's wall clock, so a laptop whose clock is hours off syncs as well.
public struct PullCursor: Codable, Sendable, Equatable {
    /// The contract's bound on commit lag: `updated_at` may be up to 10 s before the commit.
    public static let maximumCommitLag: Int64 = 10_000_000
    /// Slack on top of the lag and the pull's own duration, in microseconds.
    public static let margin: Int64 = 1_000_000

    /// The greatest `(updated_at, id)` seen; nil before the first pull.
    public var updatedAt: Timestamp?
    public var id: String?
    /// Microseconds before `updatedAt` the next pull starts from.
    public var lookback: Int64

    public init(updatedAt: Timestamp? = nil, id: String? = nil,
                lookback: Int64 = PullCursor.maximumCommitLag + PullCursor.margin) {
        self.updatedAt = updatedAt
        self.id = id
        self.lookback = lookback
    }

    /// The `updated_since` of the next pull, or nil for a first pull of everything.
    public var since: Timestamp? {
        updatedAt.map { $0.adding(microseconds: -lookback) }
    }

    /// The cursor after a pull that saw up to `seen` and took `elapsed` microseconds.
    ///
    /// Why the pull's duration counts: an object committed while we paged, after the first page
    /// was read at server time R₁, carries `updated_at` > R₁ − 10 s, and R₁ ≥ the newest
    /// `updated_at` we can have seen minus the time the pull took. So reaching back the lag
    /// plus the duration catches every object a shifting page could have hidden this time.
    public func advanced(to seen: (updatedAt: Timestamp, id: String)?, elapsed: Int64) -> PullCursor {
        var next = self
        if let seen, next.updatedAt.map({ (seen.updatedAt, seen.id) > ($0, next.id ?? "") }) ?? true {
            next.updatedAt = seen.updatedAt
            next.id = seen.id
        }
        next.lookback = Self.maximumCommitLag + Self.margin + max(0, elapsed)
        return next
    }
}
