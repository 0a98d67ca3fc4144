import Foundation
import FincoreModel

/// The building blocks of the typed calls: read one, write one, list a page, page a list.
extension APIClient {
    /// `GET path` decoded as `T`, with the object's version from its `ETag`.
    func get<T: Decodable & Sendable>(_ path: String, priority: RequestPriority = .normal) async throws(APIError)
        -> APIResponse<T> {
        try await send(APIRequest(.get, path, priority: priority), as: T.self)
    }

    /// A `POST` or `PATCH` of `body` (an empty object when nil), decoded as `T`.
    func write<T: Decodable & Sendable>(
        _ method: HTTPMethod, _ path: String, body: (any Encodable & Sendable)?, options: WriteOptions
    ) async throws(APIError) -> APIResponse<T> {
        let data = try encode(body, line: "\(method.rawValue) \(path)")
        let request = APIRequest(method, path, body: data, ifMatch: options.ifMatch,
                                 idempotencyKey: options.idempotencyKey, priority: options.priority)
        return try await send(request, as: T.self)
    }

    /// `DELETE path`: 204 and no body.
    func delete(_ path: String, options: WriteOptions) async throws(APIError) -> ResponseMetadata {
        try await sendWithoutBody(APIRequest(.delete, path, ifMatch: options.ifMatch, priority: options.priority))
    }

    /// One page of a list of a synced type; items may be tombstones with `include_deleted`.
    func list<T: Codable & Hashable & Sendable>(
        _ path: String, query: ListQuery, filters: [APIRequest.Parameter], priority: RequestPriority
    ) async throws(APIError) -> APIResponse<ListPage<Listed<T>>> {
        try await send(APIRequest(.get, path, query: query.parameters + filters, priority: priority),
                       as: ListPage<Listed<T>>.self)
    }

    /// Every page of a list from `query.offset` on, fetched as the caller iterates.
    func pages<T: Codable & Hashable & Sendable>(
        _ path: String, query: ListQuery, filters: [APIRequest.Parameter], priority: RequestPriority
    ) -> ListPages<T> {
        let limit = min(max(1, query.limit ?? ListPage<Listed<T>>.defaultLimit), ListPage<Listed<T>>.maximumLimit)
        return ListPages(start: query.offset ?? 0, limit: limit) { offset in
            var paged = query
            paged.offset = offset
            return try await self.list(path, query: paged, filters: filters, priority: priority)
        }
    }

    /// The JSON of a request body (`{}` when there is none); a body that does not encode is the
    /// caller's mistake, reported before anything is sent.
    func encode(_ body: (any Encodable & Sendable)?, line: String) throws(APIError) -> Data {
        guard let body else { return Data("{}".utf8) }
        do {
            return try FincoreJSON.encoder().encode(body)
        } catch {
            throw .invalidRequest("\(line): the body could not be encoded")
        }
    }

    /// A path with one id segment: `clients/cl_1`, `loans/ln_1/approve`.
    static func path(_ parts: String...) -> String { parts.joined(separator: "/") }
}
