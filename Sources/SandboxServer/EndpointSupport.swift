import FincoreModel
import Foundation

/// The steps every object endpoint shares: list, show, find the path's object, refuse a taken
/// `external_id`. Free functions so each endpoint family reads as its own short file.

/// `GET` a list of `T` with the type's filters.
func list<T: StoredObject>(_ type: T.Type, filters: [ListQuery.Filter],
                           _ request: SandboxRequest, _ tx: StoreTransaction,
                           fixed: [(String, String)] = []) throws -> SandboxReply {
    var query = try ListQuery.parse(request.http, filters: filters)
    query.filters += fixed.map { (column: $0.0, value: $0.1) }
    let (items, total) = try tx.page(of: T.objectType, query)
    return SandboxReply(status: .ok, body: StoreTransaction.listBody(items: items, total: total, query: query))
}

/// `GET` one `T` by the path's `{id}`, with its ETag.
func show<T: StoredObject>(_ type: T.Type, _ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
    let (object, json) = try existing(type, request, tx)
    return .object(json, version: object.version)
}

/// The path's object and its stored JSON, or 404.
func existing<T: StoredObject>(_ type: T.Type, _ request: SandboxRequest,
                               _ tx: StoreTransaction, parameter: String = "id") throws -> (T, Data) {
    let id = request.parameter(parameter)
    guard let json = try tx.json(of: type, id: id) else {
        throw APIFailure.notFound(T.objectType.rawValue.replacingOccurrences(of: "_", with: " "))
    }
    return (try tx.decode(type, from: json), json)
}

/// 409 `external_id_taken` with the existing object when a create reuses an `external_id`
/// (contract § Conventions: under any idempotency key or none).
func refuseTakenExternalID<T: StoredObject>(_ type: T.Type, _ request: SandboxRequest,
                                            _ tx: StoreTransaction) throws {
    guard let externalID = request.bodyString("external_id"),
          let current = try tx.json(of: type, externalID: externalID) else { return }
    throw APIFailure.externalIDTaken(current: current)
}
