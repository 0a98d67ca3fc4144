import Console
import Replica
import Sync

/// `sync …`: exchanging edits and changes with the server.
enum SyncCommands {
    static func register(into table: inout CommandTable<AgentContext>) {
        table.register(CommandSpec("sync", summary: "Push the outbox, pull changes, push what the pull unblocked.",
                                   needsServer: true)) { inv, ctx in
            try await run(ctx, inv)
        }
        table.register(CommandSpec("sync plan", summary: "Show what a sync would send, in order, without sending.",
                                   needsServer: true)) { inv, ctx in
            let plan = try await ctx.syncSession(for: "sync plan").engine.plan()
            ctx.show(OutputTable(columns: [OutputColumn("seq", .number), OutputColumn("kind"), OutputColumn("request"),
                                           OutputColumn("money")],
                                 rows: plan.steps.map {
                                     [String($0.seq), $0.kind.rawValue, $0.request, $0.isMoney ? "yes" : "no"]
                                 }), inv)
            var notes = ["\(plan.steps.count) to send, at least \(plan.minimumRequests) requests",
                         "rate limit: \(plan.remaining) of \(plan.limit) left"]
            if plan.estimatedWait > .zero { notes.append("about \(plan.estimatedWait) of waiting") }
            if !plan.blocked.isEmpty { notes.append("\(plan.blocked.count) blocked behind failed entries") }
            if !plan.needsAttention.isEmpty { notes.append("\(plan.needsAttention.count) need attention") }
            inv.write(notes.joined(separator: "; ") + "\n")
            return .success
        }
        table.register(CommandSpec("sync auto", summary: "Sync in the background while the REPL is open (on by default).",
                                   arguments: [ArgumentSpec("on|off", .text)])) { inv, ctx in
            let sync = try ctx.syncSession(for: "sync auto")
            switch inv.arguments.positionals.first {
            case "on": await sync.auto.start()
            case "off": await sync.auto.stop()
            default: return .usage(.missingArgument("on|off"), command: "sync auto")
            }
            inv.write("background sync \(inv.arguments.positionals.first ?? "")\n")
            return .success
        }
        table.register(CommandSpec("sync log", summary: "The sync journal, newest first.",
                                   fields: [FieldSpec("limit", .integer)])) { inv, ctx in
            let limit = max(1, Int(inv.arguments["limit"] ?? "") ?? 20)
            let entries = try ctx.replica.journal(limit: limit)
            ctx.show(OutputTable(columns: [OutputColumn("at"), OutputColumn("resource"), OutputColumn("event"),
                                           OutputColumn("pulled", .number), OutputColumn("pushed", .number),
                                           OutputColumn("failed", .number), OutputColumn("error")],
                                 rows: entries.map {
                                     [$0.at.description, $0.resource, $0.event, String($0.pulled), String($0.pushed),
                                      String($0.failed), $0.errorCode]
                                 }), inv)
            return .success
        }
    }

    /// Runs one sync with progress on a terminal and a summary line; the status says how it went.
    static func run(_ ctx: AgentContext, _ inv: CommandInvocation) async throws -> CommandOutcome {
        let sync = try ctx.syncSession(for: "sync")
        let printer = SyncProgressPrinter(isTerminal: ctx.terminal.isOutputTerminal)
        let summary = await sync.engine.sync { printer.report($0) }
        inv.write(SyncProgressPrinter.summary(summary) + "\n")
        let status = SyncSession.status(of: summary)
        guard status != .success else { return .success }
        return .failed(status, SyncProgressPrinter.summary(summary), command: "sync",
                       hint: status == .needsAttention ? "run 'outbox' and 'conflicts' to see what needs you" : nil)
    }
}
