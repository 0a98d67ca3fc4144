import FincoreModel

/// The pages of a list, fetched one at a time as the caller iterates, each with its `meta`.
///
/// Paging is by `offset`, so it inherits the contract's warning (§ Incremental listing):
/// offsets are not stable while others write. For sync, page by `updated_since` instead (the
/// caller sees every page's items and `meta` to do so); this sequence suits one-off listings.
public struct ListPages<T: Codable & Hashable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = APIResponse<ListPage<Listed<T>>>
    typealias Fetch = @Sendable (Int) async throws -> Element

    private let start: Int
    private let limit: Int
    private let fetch: Fetch

    /// Pages from offset `start`, `limit` asked for on each.
    init(start: Int, limit: Int, fetch: @escaping Fetch) {
        self.start = start
        self.limit = limit
        self.fetch = fetch
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var offset: Int?
        /// The page size asked for: a page is full at this size or the echoed `meta.limit`,
        /// whichever is smaller (a server must not dodge the check by echoing a larger one).
        let limit: Int
        let fetch: Fetch
        /// Every item listed so far, to notice a server that answers every offset alike (or
        /// cycles through a few pages). A one-off listing's items are held by its caller anyway.
        var listed: Set<Listed<T>> = []

        /// The next page; nil after the last (an empty page, or `offset + count >= total`).
        ///
        /// `meta.total` may only end paging early, never prolong it: an empty page ends it
        /// whatever `total` claims. A full page holding only items already listed (a server
        /// ignoring `offset`) throws a malformed answer instead of paging on to `total`.
        /// The next offset is counted from the one asked for, never from the echoed `meta.offset`,
        /// so a server cannot send the pager backwards.
        public mutating func next() async throws -> Element? {
            guard let current = offset else { return nil }
            let page = try await fetch(current)
            let items = page.value.data
            // Only a full page counts: a short one ends the listing anyway, and with unstable
            // offsets a page may legitimately repeat a few items of the one before.
            if !items.isEmpty, items.count >= Swift.min(limit, page.value.meta.limit), items.allSatisfy(listed.contains) {
                offset = nil
                throw APIError.malformed(MalformedResponse(
                    status: page.meta.status,
                    problem: .unexpectedShape(field: "data", message: "repeats items already listed (offset \(current))"),
                    byteCount: 0))
            }
            listed.formUnion(items)
            let next = current + items.count
            offset = !items.isEmpty && next < page.value.meta.total ? next : nil
            return page
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(offset: start, limit: limit, fetch: fetch) }
}
