import FincoreModel

/// Plans the pages of one resource's pull: what to ask next, given what the last page held.
///
/// Offsets are not stable (contract § Incremental listing), so pages are not walked by offset:
/// each next page starts at the last `updated_at` seen (inclusive) from offset 0, and objects
/// already seen at the same version are skipped. Only when a whole page shares one `updated_at`
/// does the offset grow, to get past the tie. The state is `Codable` so a killed pull resumes.
public struct PullPager: Codable, Sendable, Equatable {
    public static let pageSize = 100

    /// One list request to make.
    public struct Request: Sendable, Equatable {
        public let updatedSince: Timestamp?
        public let offset: Int
        public let limit: Int

        public init(updatedSince: Timestamp?, offset: Int, limit: Int) {
            self.updatedSince = updatedSince
            self.offset = offset
            self.limit = limit
        }
    }

    /// What a page held, reduced to what paging needs.
    public struct Item: Sendable, Equatable {
        public let id: String
        public let updatedAt: Timestamp
        /// The object's version; nil for a tombstone.
        public let version: Int?

        public init(id: String, updatedAt: Timestamp, version: Int?) {
            self.id = id
            self.updatedAt = updatedAt
            self.version = version
        }

        var key: String { "\(id)@\(version.map(String.init) ?? "deleted")" }
    }

    public private(set) var since: Timestamp?
    public private(set) var offset = 0
    public private(set) var isFinished = false
    public private(set) var pages = 0
    /// Full pages in a row that held nothing new (see `isStalled`).
    public private(set) var repeatedPages = 0
    /// How many full pages in a row may bring nothing new before the pull is stopped. A
    /// shifting offset (a write between two pages) can make a page repeat a few of its
    /// predecessor's objects, never a whole page of 100, so one such page already means the
    /// server ignores `offset` or `updated_since`; two more are tolerated for safety.
    public static let maximumRepeatedPages = 3
    /// The greatest `(updated_at, id)` seen in this pull.
    public private(set) var newestUpdatedAt: Timestamp?
    public private(set) var newestID: String?
    /// Keys (`id@version`) of items already handed out, with their `updated_at`, so re-read
    /// ties are not applied twice. Only keys at or after `since` can be listed again, so older
    /// ones are dropped as `since` moves: the state a checkpoint stores stays small.
    private var seen: [String: Timestamp] = [:]

    /// What a checkpoint keeps. Not `repeatedPages`: a pull resumed later (the server may have
    /// been fixed) starts counting afresh instead of stopping at once forever.
    enum CodingKeys: String, CodingKey {
        case since, offset, isFinished, pages, newestUpdatedAt, newestID, seen
    }

    public init(cursor: PullCursor) {
        since = cursor.since
    }

    /// The next request, or nil when the pull is complete (or stalled).
    public var nextRequest: Request? {
        isFinished || isStalled ? nil : Request(updatedSince: since, offset: offset, limit: Self.pageSize)
    }

    /// Whether the server repeated itself for `maximumRepeatedPages` full pages: the pull must
    /// stop with an error, not finish (its cursor would claim objects it never received).
    public var isStalled: Bool { repeatedPages >= Self.maximumRepeatedPages }

    /// Takes a page's items (in the server's `(updated_at, id)` order) and returns the ones not
    /// seen before in this pull, which the caller applies.
    public mutating func receive(_ items: [Item]) -> [Item] {
        pages += 1
        let fresh = items.filter { item in
            guard seen[item.key] == nil else { return false }
            seen[item.key] = item.updatedAt
            return true
        }
        for item in items where newestUpdatedAt.map({ (item.updatedAt, item.id) > ($0, newestID ?? "") }) ?? true {
            newestUpdatedAt = item.updatedAt
            newestID = item.id
        }
        guard items.count >= Self.pageSize, let last = items.last?.updatedAt else {
            isFinished = true
            return fresh
        }
        // A full page of objects all seen before moves neither the tie offset's purpose nor
        // `since` forward: the server repeats itself, and stepping on would never end.
        repeatedPages = fresh.isEmpty ? repeatedPages + 1 : 0
        if since.map({ last > $0 }) ?? true {
            since = last
            offset = 0
            seen = seen.filter { $0.value >= last }
        } else {
            // A page entirely at one `updated_at`: step past the tie by offset.
            offset += items.count
        }
        return fresh
    }

    /// The cursor to store once the pull is complete, reaching back to `origin` (a server-time
    /// lower bound of when the pull began, `PullState.origin`) plus the lag and margin; with no
    /// origin (nothing seen yet anywhere), the plain lag and margin.
    public func finishedCursor(from cursor: PullCursor, origin: Timestamp?) -> PullCursor {
        let plain = finishedCursor(from: cursor, elapsed: 0)
        guard let origin, let top = plain.updatedAt else { return plain }
        return finishedCursor(from: cursor, elapsed: top.microsecondsSinceEpoch - origin.microsecondsSinceEpoch)
    }

    /// The cursor to store once the pull is complete; `elapsed` is its duration in microseconds.
    public func finishedCursor(from cursor: PullCursor, elapsed: Int64) -> PullCursor {
        let newest = newestUpdatedAt.flatMap { at in newestID.map { (updatedAt: at, id: $0) } }
        return cursor.advanced(to: newest, elapsed: elapsed)
    }
}
