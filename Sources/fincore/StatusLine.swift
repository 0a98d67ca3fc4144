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

    /// `fincore [online|unreachable|offline, 3 pending, 1 conflict]> `: `offline` is the user's
    /// choice, `unreachable` the last sync's finding (the background sync keeps it current).
    static func prompt(_ ctx: AgentContext) -> String {
        let counts = counts(ctx.replica)
        var parts = [reach(ctx)]
        if ctx.connection.isDemo { parts[0] = "demo " + parts[0] }
        if counts.pending > 0 { parts.append("\(counts.pending) pending") }
        if counts.conflicts > 0 { parts.append("\(counts.conflicts) conflict\(counts.conflicts == 1 ? "" : "s")") }
        if counts.failed > 0 { parts.append("\(counts.failed) failed") }
        return "fincore [\(parts.joined(separator: ", "))]> "
    }

    /// One word for the prompt.
    static func reach(_ ctx: AgentContext) -> String {
        if ctx.settings.offline || ctx.connection.api == nil { return "offline" }
        switch ctx.sync?.connectivity.withLock({ $0.reach }) {
        case .unreachable?: return "unreachable"
        case .keyRefused?: return "key refused"
        case .online?, .unknown?, nil: return "online"
        }
    }

    /// The state line of `status`: the user's choice first, then what the last sync found.
    static func state(_ ctx: AgentContext) -> String {
        if ctx.settings.offline { return "offline by choice ('offline off' ends it)" }
        guard ctx.connection.api != nil else { return "offline: no server configured" }
        switch ctx.sync?.connectivity.withLock({ $0.reach }) ?? .unknown {
        case .online: return "online"
        case .unreachable(let since): return "offline: server unreachable since \(since)"
        case .keyRefused: return "offline: the server refused the API key"
        case .unknown: return "not checked yet (no sync this session)"
        }
    }

    /// The background sync as `status` shows it: the setting, and where the loop stands.
    static func autoSync(_ ctx: AgentContext) async -> String {
        let settings = ctx.settings
        guard settings.autoSync else { return "off" }
        guard settings.interactive else { return "on (runs in the REPL, not in scripts)" }
        guard !settings.offline else { return "on, paused while offline by choice" }
        switch await ctx.sync?.auto.state {
        case .syncing?, .starting?: return "on, syncing now"
        case .online?: return "on"
        case .offline(let retryIn)?: return "on, next try in \(retryIn.components.seconds) s"
        case .unauthorized?: return "stopped: the server refused the API key"
        case .stopped?, nil: return "off"
        }
    }

    static func record(_ ctx: AgentContext) throws -> [(String, String?)] {
        let counts = counts(ctx.replica)
        let last = try ctx.replica.journal(limit: 1).first
        let scope = try ctx.sync?.engine.scope() ?? .all
        return [("server", ctx.connection.serverURL), ("mode", ctx.connection.isDemo ? "demo (embedded sandbox)" : "server"),
                ("state", state(ctx)), ("scope", ScopeSetting.text(scope)),
                ("pending", String(counts.pending)), ("conflicts", String(counts.conflicts)),
                ("failed", String(counts.failed)),
                ("last_sync", last.map { "\($0.at) \($0.event)" } ?? "never"),
                ("replica", ctx.replica.path)]
    }
}
