import Console
import Foundation
import HTTP
import Sync

/// Turns the engine's progress callbacks into one line redrawn in place on a terminal; silent in
/// scripts (no progress bars there), since the summary line says what happened.
final class SyncProgressPrinter: Sendable {
    private let isTerminal: Bool
    private let lastLength = Locked(0)

    init(isTerminal: Bool) {
        self.isTerminal = isTerminal
    }

    func report(_ progress: SyncProgress) {
        guard isTerminal else { return }
        let phase = [progress.phase.rawValue, progress.resource?.rawValue].compactMap { $0 }.joined(separator: " ")
        let line = progress.phase == .done ? "" :
            ProgressFormat.terminalLine(phase: phase, done: progress.done, total: progress.total,
                                        perSecond: progress.rate)
        lastLength.withLock { last in
            let padding = String(repeating: " ", count: max(0, last - line.count))
            FileHandle.standardError.write(Data(("\r" + line + padding + (line.isEmpty ? "\r" : "")).utf8))
            last = line.count
        }
    }

    /// One line for the end of a sync: what moved and what needs attention.
    static func summary(_ summary: SyncSummary) -> String {
        var parts = ["pushed \(summary.pushed)", "pulled \(summary.pulled)", "deleted \(summary.deleted)"]
        if summary.conflicts > 0 { parts.append("\(summary.conflicts) conflicts") }
        if summary.failures > 0 { parts.append("\(summary.failures) failed") }
        parts.append("\(summary.requests) requests")
        if summary.throttled > 0 { parts.append("\(summary.throttled) rate-limited") }
        if summary.unpushed > 0 { parts.append("\(summary.unpushed) still pending") }
        let head: String
        switch summary.outcome {
        case .completed: head = "sync done"
        case .offline(let why): head = "sync stopped, offline (\(why))"
        case .rateLimited(let why): head = "sync stopped, rate limited past the deadline (\(why))"
        case .unauthorized: head = "sync refused: the server did not accept the API key"
        case .cancelled: head = "sync cancelled"
        case .failed(let why): head = "sync failed (\(why))"
        }
        return head + ": " + parts.joined(separator: ", ")
    }
}
