import Console
import Replica

/// The session's state in a few words: for the prompt and for `status`.
enum StatusLine {
    /// Counts read from the outbox.
    struct Counts: Sendable {
        var pending = 0
        var conflicts = 0
        var failed = 0
    }

    static func counts(_ replica: Replica) -> Counts {
        var counts = Counts()
        for entry in (try? replica.outbox.entries([.pending, .inFlight, .failed, .conflict])) ?? [] {
            switch entry.state {
            case .conflict: counts.conflicts += 1
            case .failed: counts.failed += 1
            default: counts.pending += 1
            }
        }
        return counts
    }

    /// `fincore [online|offline, 3 pending, 1 conflict]> `
    static func prompt(_ ctx: AgentContext) -> String {
        let counts = counts(ctx.replica)
        var parts = [ctx.settings.offline || ctx.connection.api == nil ? "offline" : "online"]
        if ctx.connection.isDemo { parts[0] = "demo " + parts[0] }
        if counts.pending > 0 { parts.append("\(counts.pending) pending") }
        if counts.conflicts > 0 { parts.append("\(counts.conflicts) conflict\(counts.conflicts == 1 ? "" : "s")") }
        if counts.failed > 0 { parts.append("\(counts.failed) failed") }
        return "fincore [\(parts.joined(separator: ", "))]> "
    }

    static func record(_ ctx: AgentContext) throws -> [(String, String?)] {
        let counts = counts(ctx.replica)
        let last = try ctx.replica.journal(limit: 1).first
        return [("server", ctx.connection.serverURL), ("mode", ctx.connection.isDemo ? "demo (embedded sandbox)" : "server"),
                ("state", ctx.settings.offline ? "offline (by choice)" : ctx.connection.api == nil ? "offline" : "online"),
                ("pending", String(counts.pending)), ("conflicts", String(counts.conflicts)),
                ("failed", String(counts.failed)),
                ("last_sync", last.map { "\($0.at) \($0.event)" } ?? "never"),
                ("replica", ctx.replica.path)]
    }
}
