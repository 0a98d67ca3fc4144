/// One page of a list: `{"data":[...],"meta":{"total":135,"limit":10,"offset":20}}` (contract, public facts).
///
/// For incremental listings use `ListPage<Listed<T>>`, whose items may be tombstones.
public struct ListPage<T: Codable & Hashable & Sendable>: Hashable, Sendable, Codable {
    public var data: [T]
    public var meta: Meta

    /// The paging facts of a page.
    public struct Meta: Hashable, Sendable, Codable {
        /// How many objects match the query in all.
        public var total: Int
        /// The page size actually used (a `limit` over 100 is clamped; meta shows 100).
        public var limit: Int
        public var offset: Int

        public init(total: Int, limit: Int, offset: Int) {
            self.total = total
            self.limit = limit
            self.offset = offset
        }
    }

    public init(data: [T], meta: Meta) {
        self.data = data
        self.meta = meta
    }

    /// Whether pages remain after this one by `offset + data.count < total`. Offsets are not
    /// stable while others write (contract § Incremental listing), so sync pages by `updated_since`.
    public var hasMore: Bool { meta.offset + data.count < meta.total }

    /// The default page size and its maximum (contract § Conventions).
    public static var defaultLimit: Int { 20 }
    public static var maximumLimit: Int { 100 }
}
