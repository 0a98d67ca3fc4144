import Console
import Foundation
import Sync

/// A sync's summary and a sync plan in the session's output format: a line of text in table
/// mode, machine-readable objects in json/ndjson/csv (stdout stays parseable; notes go to stderr).
enum SyncReport {
    /// The summary as one row: `outcome` is `completed` or the journal's code.
    static func summaryTable(_ summary: SyncSummary) -> OutputTable {
        OutputTable(columns: [OutputColumn("outcome"), OutputColumn("pushed", .number), OutputColumn("pulled", .number),
                              OutputColumn("deleted", .number), OutputColumn("conflicts", .number),
                              OutputColumn("failures", .number), OutputColumn("requests", .number),
                              OutputColumn("rate_limited", .number), OutputColumn("unpushed", .number)],
                    rows: [[code(summary.outcome), String(summary.pushed), String(summary.pulled),
                            String(summary.deleted), String(summary.conflicts), String(summary.failures),
                            String(summary.requests), String(summary.throttled), String(summary.unpushed)]])
    }

    /// What `sync` prints on stdout for `format`.
    static func summary(_ summary: SyncSummary, format: OutputFormat) -> String {
        switch format {
        case .table: return SyncProgressPrinter.summary(summary)
        case .csv: return CSVRenderer.render(summaryTable(summary))
        case .json, .ndjson: return JSONRenderer.object(summaryTable(summary), row: 0)
        }
    }

    /// The plan's steps, one row each, in the order they would be sent.
    static func stepsTable(_ plan: SyncPlan) -> OutputTable {
        OutputTable(columns: [OutputColumn("seq", .number), OutputColumn("kind"), OutputColumn("request"),
                              OutputColumn("money")],
                    rows: plan.steps.map { [String($0.seq), $0.kind.rawValue, $0.request, $0.isMoney ? "yes" : "no"] })
    }

    /// The plan in json/ndjson: one object with the steps in order and the estimate.
    static func planJSON(_ plan: SyncPlan) -> String {
        let steps = stepsTable(plan)
        let stepObjects = steps.rows.indices.map { JSONRenderer.object(steps, row: $0) }
        let list = { (numbers: [Int64]) in "[" + numbers.map(String.init).joined(separator: ",") + "]" }
        let members = [
            "\"steps\":[" + stepObjects.joined(separator: ",") + "]",
            "\"to_send\":\(plan.steps.count)",
            "\"minimum_requests\":\(plan.minimumRequests)",
            "\"rate_limit_remaining\":\(plan.remaining)",
            "\"rate_limit\":\(plan.limit)",
            "\"estimated_wait_ms\":\(milliseconds(plan.estimatedWait))",
            "\"blocked\":" + list(plan.blocked),
            "\"needs_attention\":" + list(plan.needsAttention),
        ]
        return "{" + members.joined(separator: ",") + "}"
    }

    /// The plan's estimate in words: `3 to send, at least 8 requests; rate limit: …`.
    static func planNotes(_ plan: SyncPlan) -> String {
        var notes = ["\(plan.steps.count) to send, at least \(plan.minimumRequests) requests",
                     "rate limit: \(plan.remaining) of \(plan.limit) left"]
        if plan.estimatedWait > .zero { notes.append("about \(plan.estimatedWait) of waiting") }
        if !plan.blocked.isEmpty { notes.append("\(plan.blocked.count) blocked behind failed entries") }
        if !plan.needsAttention.isEmpty { notes.append("\(plan.needsAttention.count) need attention") }
        return notes.joined(separator: "; ")
    }

    static func code(_ outcome: SyncOutcome) -> String {
        switch outcome {
        case .completed: return "completed"
        case .offline: return "offline"
        case .rateLimited: return "rate_limited"
        case .unauthorized: return "unauthorized"
        case .cancelled: return "cancelled"
        case .failed: return "failed"
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
