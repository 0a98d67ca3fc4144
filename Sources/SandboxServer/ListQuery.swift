import FincoreModel
import HTTP

/// The query of a list request, checked (contract § Conventions and § Incremental listing):
/// `limit` 1–100 after clamping, `offset` ≥ 0, `sort=updated_at`, `updated_since`, `include_deleted`,
/// `external_id`, and the type's filters with their enums.
struct ListQuery: Sendable {
    var limit = 20
    var offset = 0
    var sortByUpdatedAt = false
    var updatedSince: Timestamp?
    var includeDeleted = false
    /// Column and value pairs, all of which must match.
    var filters: [(column: String, value: String)] = []
    var externalID: String?

    /// One filter a type accepts: its query name, and its allowed values when it is an enum.
    struct Filter: Sendable {
        let name: String
        let allowed: [String]?

        init(_ name: String, allowed: [String]? = nil) {
            self.name = name
            self.allowed = allowed
        }
    }

    /// Parses and checks a request's query; a bad value is `400 invalid_request` naming the parameter.
    static func parse(_ request: HTTPRequest, filters: [Filter]) throws(APIFailure) -> ListQuery {
        var query = ListQuery()
        if let text = request.queryValue("limit") {
            guard let value = Int(text), value >= 1 else {
                throw .invalidRequest("limit must be an integer from 1 to 100", field: "limit")
            }
            query.limit = min(value, 100)
        }
        if let text = request.queryValue("offset") {
            guard let value = Int(text), value >= 0 else {
                throw .invalidRequest("offset must be a non-negative integer", field: "offset")
            }
            query.offset = value
        }
        if let sort = request.queryValue("sort") {
            guard sort == "updated_at" || sort == "created_at" else {
                throw .invalidRequest("sort must be updated_at", field: "sort")
            }
            query.sortByUpdatedAt = sort == "updated_at"
        }
        if let text = request.queryValue("updated_since") {
            guard let since = Timestamp(text) else {
                throw .invalidRequest("updated_since must be an RFC 3339 timestamp", field: "updated_since")
            }
            query.updatedSince = since
        }
        if let text = request.queryValue("include_deleted") {
            guard text == "true" || text == "false" else {
                throw .invalidRequest("include_deleted must be true or false", field: "include_deleted")
            }
            query.includeDeleted = text == "true"
        }
        if let externalID = request.queryValue("external_id") {
            query.externalID = externalID
        }
        for filter in filters {
            guard let value = request.queryValue(filter.name) else { continue }
            if let allowed = filter.allowed, !allowed.contains(value) {
                throw .invalidRequest(
                    "\(filter.name) must be one of \(allowed.joined(separator: ", "))", field: filter.name)
            }
            query.filters.append((filter.name, value))
        }
        return query
    }
}
