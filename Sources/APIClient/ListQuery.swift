import FincoreModel

/// The paging and incremental-listing options every list of a synced type accepts.
///
/// Contract (§ Conventions, § Incremental listing): `limit` (1–100, default 20), `offset`,
/// `sort=updated_at` for `(updated_at, id)` order, `updated_since` (inclusive),
/// `include_deleted=true` for tombstones (only with `updated_since`), and `external_id`.
public struct ListQuery: Sendable, Hashable {
    public var limit: Int?
    public var offset: Int?
    /// Order by `(updated_at, id)` instead of `(created_at, id)`.
    public var sortByUpdatedAt: Bool
    public var updatedSince: Timestamp?
    public var includeDeleted: Bool
    public var externalID: String?

    public init(
        limit: Int? = nil, offset: Int? = nil, sortByUpdatedAt: Bool = false, updatedSince: Timestamp? = nil,
        includeDeleted: Bool = false, externalID: String? = nil
    ) {
        self.limit = limit
        self.offset = offset
        self.sortByUpdatedAt = sortByUpdatedAt
        self.updatedSince = updatedSince
        self.includeDeleted = includeDeleted
        self.externalID = externalID
    }

    /// An incremental pull: everything changed at or after `since`, tombstones included, in
    /// `(updated_at, id)` order, in pages of `limit`.
    public static func changes(since: Timestamp, limit: Int = 100) -> ListQuery {
        ListQuery(limit: limit, sortByUpdatedAt: true, updatedSince: since, includeDeleted: true)
    }

    /// The query parameters, in a fixed order.
    public var parameters: [APIRequest.Parameter] {
        var out: [APIRequest.Parameter] = []
        if let limit { out.append(.init("limit", String(limit))) }
        if let offset { out.append(.init("offset", String(offset))) }
        if sortByUpdatedAt { out.append(.init("sort", "updated_at")) }
        if let updatedSince { out.append(.init("updated_since", updatedSince.description)) }
        if includeDeleted { out.append(.init("include_deleted", "true")) }
        if let externalID { out.append(.init("external_id", externalID)) }
        return out
    }
}
