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

        /// The next page; nil after the last (a short page, or `offset + count >= total`).
        public mutating func next() async throws -> Element? {
            guard let current = offset else { return nil }
            let page = try await fetch(current)
            let count = page.value.data.count
            offset = count > 0 && page.value.hasMore ? page.value.meta.offset + count : nil
            return page
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(offset: start, fetch: fetch) }
}
