import FincoreModel
import Foundation

/// An `export` report's content: the full stored JSON of every object of the resource in scope,
/// one per line (NDJSON, https://github.com/ndjson/ndjson-spec), in creation order.
///
/// Taken inside the completing transaction and kept with the report, so the download is exactly
/// the objects "as of `result.as_of`" (contract § Reports) however long after it is fetched.
struct ExportSnapshot {
    let ndjson: Data
    let count: Int

    static func make(_ resource: ExportResource, params: ReportParams, _ tx: StoreTransaction) throws -> ExportSnapshot {
        var ndjson = Data()
        var count = 0
        try tx.forEachObject(objectType(of: resource), branchID: params.branchID, officerID: params.officerID) { doc in
            ndjson.append(doc)
            ndjson.append(UInt8(ascii: "\n"))
            count += 1
        }
        return ExportSnapshot(ndjson: ndjson, count: count)
    }

    static func objectType(of resource: ExportResource) -> ObjectType {
        switch resource {
        case .clients: return .client
        case .loans: return .loan
        case .payments: return .payment
        }
    }
}
