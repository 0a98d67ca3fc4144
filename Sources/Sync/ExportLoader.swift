import APIClient
import FincoreModel
import Foundation
import Replica

/// A first sync through an `export` report: the resource's full objects streamed into the
/// replica in batches, then an incremental cursor from the report's `as_of`.
///
/// Contract § Reports: the download is NDJSON of full objects as of `result.as_of`, and rows
/// changed after `as_of` must be read with `updated_since`. The cursor starts at `as_of` with
/// the usual lookback (commit lag 10 s + margin), since a row committed just before `as_of`
/// may carry an `updated_at` up to 10 s older and still be missing from the export. Memory is
/// constant: lines are read as they arrive and applied `batchSize` at a time. Each batch is
/// checkpointed with the number of lines applied, so a killed first sync downloads the report
/// again and skips what it already has.
struct ExportLoader: Sendable {
    let client: APIClient
    let replica: Replica
    let scope: SyncScope
    /// Objects applied per transaction (and per checkpoint).
    var batchSize = 500

    /// Loads `resource` by export and returns the objects stored; nil when the server has no
    /// reports (or the report is gone or failed), so the caller pages instead. `state` is
    /// saved as it advances.
    func load(_ resource: SyncResource, state: inout PullState, meter: SyncMeter) async throws -> Int? {
        guard let exportResource = resource.exportResource else { return nil }
        if state.export == nil {
            let params = ReportParams(resource: exportResource, branchID: scope.branchID, officerID: scope.officerID)
            guard case .available(let created) = try await client.createReport(NewReport(type: .export, params: params))
            else { return nil }
            state.export = ExportProgress(reportID: created.value.id.rawValue)
            try replica.saveCursor(state.row(resource))
        }
        do {
            return try await finish(resource, state: &state, meter: meter)
        } catch let error as APIError where error.status == 404 {
            // The report expired or belongs to another server: start over by paging.
            state.export = nil
            try replica.saveCursor(state.row(resource))
            return nil
        }
    }

    private func finish(_ resource: SyncResource, state: inout PullState, meter: SyncMeter) async throws -> Int? {
        guard var progress = state.export, let reportID = ReportID(progress.reportID) else { return nil }
        var delay = Duration.milliseconds(100)
        while progress.asOf == nil {
            guard case .available(let answer) = try await client.report(reportID) else { return nil }
            switch answer.value.status {
            case .completed:
                guard let asOf = answer.value.result?.asOf else { return nil }
                progress.asOf = asOf
                if case .integer(let count)? = answer.value.result?.extra["count"], count >= 0 {
                    progress.total = Int(count)
                }
                state.export = progress
                try replica.saveCursor(state.row(resource))
            case .failed:
                state.export = nil
                try replica.saveCursor(state.row(resource))
                return nil
            case .pending:
                try await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(2))
            }
        }
        guard case .available(let lines) = try await client.downloadReport(reportID) else { return nil }
        await meter.report(.export, resource, done: progress.applied, total: progress.total)
        var skip = progress.applied
        var batch: [SyncedObject] = []
        var lineCount = 0
        var stored = 0
        // Decoded (and checked) by the client, so a bad line is an `APIError` naming its line
        // and field; the batches before it stay applied and checkpointed, the cursor unset.
        for try await object in lines.decoded(as: SyncedObject.self) {
            if skip > 0 {
                skip -= 1
                continue
            }
            batch.append(object)
            lineCount += 1
            if batch.count >= batchSize {
                stored += try store(batch, resource, &state, &progress, lines: lineCount)
                await meter.report(.export, resource, done: progress.applied, total: progress.total)
                batch = []
                lineCount = 0
            }
        }
        stored += try store(batch, resource, &state, &progress, lines: lineCount)
        await meter.report(.export, resource, done: progress.applied, total: progress.total)
        state.cursor = PullCursor(updatedAt: progress.asOf, id: nil)
        state.export = nil
        state.pager = nil
        state.initialized = true
        try replica.saveCursor(state.row(resource))
        return stored
    }

    /// Applies one batch (the export is scoped by the server; the check is belt and braces)
    /// and checkpoints the lines read.
    private func store(_ batch: [SyncedObject], _ resource: SyncResource, _ state: inout PullState,
                       _ progress: inout ExportProgress, lines: Int) throws -> Int {
        guard lines > 0 else { return 0 }
        try Task.checkCancellation()
        let kept = batch.filter { object in
            object.placement.map { scope.contains(branchID: $0.branchID, officerID: $0.officerID) } ?? false
        }
        let report = try replica.apply(batch: kept)
        progress.applied += lines
        state.export = progress
        try replica.saveCursor(state.row(resource))
        return report.stored
    }
}
