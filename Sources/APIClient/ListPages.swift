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
    private let fetch: Fetch

    init(start: Int, fetch: @escaping Fetch) {
        self.start = start
        self.fetch = fetch
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var offset: Int?
        let fetch: Fetch
        /// The items of the page before, to notice a server that answers every offset alike.
        var previous: [Listed<T>] = []

        /// The next page; nil after the last (an empty page, or `offset + count >= total`).
        ///
        /// `meta.total` may only end paging early, never prolong it: an empty page ends it
        /// whatever `total` claims. A page with the very items of the one before (a server
        /// ignoring `offset`) throws a malformed answer instead of paging on to `total`.
        /// The next offset is counted from the one asked for, never from the echoed `meta.offset`,
        /// so a server cannot send the pager backwards.
        public mutating func next() async throws -> Element? {
            guard let current = offset else { return nil }
            let page = try await fetch(current)
            let items = page.value.data
            if !items.isEmpty, items == previous {
                offset = nil
                throw APIError.malformed(MalformedResponse(
                    status: page.meta.status,
                    problem: .unexpectedShape(field: "data", message: "repeats the page before offset \(current)"),
                    byteCount: 0))
            }
            previous = items
            let next = current + items.count
            offset = !items.isEmpty && next < page.value.meta.total ? next : nil
            return page
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(offset: start, fetch: fetch) }
}
