import FincoreModel
import Foundation

/// `/v1/reports`: request a report, poll it, download an export (contract § Reports, optional:
/// every route disappears under `--no-optional`). Every path here counts against the 10/min
/// `reports` bucket; the pipeline does that by path (§ Rate limits in detail).
///
/// A report completes lazily: the first `GET` (of the report or its download) at least
/// `ReportBuilder.readyDelayMicroseconds` after the request computes it in that request's
/// transaction. No background task, so nothing to stop, and a restart loses no pending report.
enum ReportEndpoints {
    static var routes: [SandboxRoute] {
        [
            SandboxRoute(.post, "/v1/reports", .write, optional: true, create),
            SandboxRoute(.get, "/v1/reports/{id}", .read, optional: true, show),
            SandboxRoute(.get, "/v1/reports/{id}/download", .read, optional: true, download),
        ]
    }

    /// 202 with the pending report (§ Precise answers: the one create that is not 201).
    static func create(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        let body = try ReportRequest.parse(request)
        let report = Report(id: .generate(), type: body.type, params: body.params)
        guard case .object(var members) = try JSONValue(encoding: report) else { throw APIFailure.internalError }
        members["params"] = try body.paramsJSON()
        let doc = try tx.encode(JSONValue.object(members))
        try tx.insertReport(id: report.id, doc: doc)
        return SandboxReply(status: .accepted, body: doc)
    }

    static func show(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        SandboxReply(status: .ok, body: try current(request, tx).doc)
    }

    /// The export's NDJSON snapshot. 404 for a report that has no download (not an export),
    /// 409 `invalid_state` while it is pending or when it failed (§ Precise answers, order of checks).
    static func download(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        let stored = try current(request, tx)
        guard stored.report.type == .export else { throw APIFailure.notFound("download: only exports have one") }
        guard stored.report.status == .completed else {
            throw APIFailure.invalidState("The report is \(stored.report.status.rawValue); only a completed export can be downloaded")
        }
        // Streamed chunk by chunk after this transaction: the snapshot never changes once completed.
        let id = stored.report.id.rawValue
        var reply = SandboxReply(status: .ok, body: nil)
        reply.contentType = "application/x-ndjson"
        reply.stream = { store in ReportDownload(store: store, reportID: id).producer() }
        return reply
    }

    /// The path's report, completed first when it is due; 404 when there is none.
    private static func current(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> StoreTransaction.StoredReport {
        let id = request.parameter()
        guard let stored = try tx.report(id: id) else { throw APIFailure.notFound("report") }
        return try ReportBuilder.completeIfDue(stored, id: id, tx)
    }
}
