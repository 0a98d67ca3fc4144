import FincoreModel
import Foundation

/// Makes a report's `result` from the stored objects, inside the transaction that completes it,
/// so every figure (and an export's every line) is as of one instant, `result.as_of`.
enum ReportBuilder {
    /// Why a report ends `failed` rather than `completed`.
    enum Failure: Error {
        case overflow
        case badParams
    }

    /// A report completes this long after it was requested (contract § Reports: "the report is
    /// made later"), so clients see and handle `pending`.
    static let readyDelayMicroseconds: Int64 = 200_000

    /// The path of an export's NDJSON (contract § Reports: `result.url` names it); relative to the
    /// server, since the sandbox cannot know the address a client reached it by.
    static func downloadPath(_ id: String) -> String { "/v1/reports/\(id)/download" }

    /// Completes `stored` if it is pending and due; the report's JSON (as stored) either way.
    static func completeIfDue(_ stored: StoreTransaction.StoredReport, id: String,
                              _ tx: StoreTransaction) throws -> StoreTransaction.StoredReport {
        guard stored.report.status == .pending,
              tx.now.microsecondsSinceEpoch - stored.createdAt.microsecondsSinceEpoch >= readyDelayMicroseconds
        else { return stored }
        var members = stored.members
        var download: Data?
        do {
            let (result, snapshot) = try build(stored, id: id, tx)
            members["status"] = .string(ReportStatus.completed.rawValue)
            members["result"] = try JSONValue(encoding: result)
            download = snapshot
        } catch {
            // Bad stored data or an overflow: the report fails, the request does not.
            members["status"] = .string(ReportStatus.failed.rawValue)
            members["result"] = .null
        }
        let doc = try tx.encode(JSONValue.object(members))
        try tx.updateReport(id: id, doc: doc, download: download)
        guard let updated = try tx.report(id: id) else { throw APIFailure.internalError }
        return updated
    }

    private static func build(_ stored: StoreTransaction.StoredReport, id: String,
                              _ tx: StoreTransaction) throws -> (ReportResult, Data?) {
        let params = stored.report.params
        let today = CivilDate(tx.now)
        switch stored.report.type {
        case .portfolio:
            var portfolio = PortfolioReport(today: today)
            try tx.forEachObject(.loan, branchID: params.branchID, officerID: params.officerID) { doc in
                try portfolio.add(try tx.decode(Loan.self, from: doc))
            }
            return (ReportResult(asOf: tx.now, extra: try portfolio.members()), nil)
        case .collections:
            let window = stored.members["params"]
            // One bound alone makes a window reaching today: `from` alone runs to today (or is one
            // day when later), `to` alone starts today (or at `to` when earlier).
            let until = try date(window?["to"])
            let from = try date(window?["from"]) ?? min(until ?? today, today)
            let to = until ?? max(from, today)
            var collections = CollectionsReport(from: from, to: to, today: today)
            var clients: [String: Client] = [:]
            try tx.forEachObject(.loan, branchID: params.branchID, officerID: params.officerID) { doc in
                let loan = try tx.decode(Loan.self, from: doc)
                let key = loan.clientID.rawValue
                if clients[key] == nil, let client = try tx.object(Client.self, id: key) { clients[key] = client }
                collections.add(loan, client: clients[key])
            }
            return (ReportResult(asOf: tx.now, extra: collections.members()), nil)
        case .export:
            guard let resource = params.resource else { throw Failure.badParams }
            let snapshot = try ExportSnapshot.make(resource, params: params, tx)
            let extra: [String: JSONValue] = ["resource": .string(resource.rawValue),
                                              "count": .integer(Int64(snapshot.count))]
            return (ReportResult(url: downloadPath(id), asOf: tx.now, extra: extra), snapshot.ndjson)
        }
    }

    private static func date(_ value: JSONValue?) throws -> CivilDate? {
        guard let text = value?.stringValue else { return nil }
        guard let date = CivilDate(text) else { throw Failure.badParams }
        return date
    }
}
