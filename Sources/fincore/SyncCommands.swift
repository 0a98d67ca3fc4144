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
            switch ctx.settings.format {
            case .json, .ndjson:
                inv.write(SyncReport.planJSON(plan))
            case .csv:
                ctx.show(SyncReport.stepsTable(plan), inv)
                StandardStreams.err(SyncReport.planNotes(plan))
            case .table:
                ctx.show(SyncReport.stepsTable(plan), inv)
                inv.write(SyncReport.planNotes(plan))
            }
            return .success
        }
        table.register(CommandSpec("sync auto", summary: "Sync in the background while the REPL is open (kept per replica).",
                                   arguments: [ArgumentSpec("on|off", .text)])) { inv, ctx in
            let word = inv.arguments.positionals.first
            guard word == "on" || word == "off" else { return .usage(.missingArgument("on|off"), command: "sync auto") }
            guard !inv.dryRun else { return .success }  // an atomic check pass has no engine
            guard let sync = ctx.sync else {
                throw CommandFailure("no server is configured, so there is nothing to sync", status: .offline)
            }
            let on = word == "on"
            try sync.engine.setAutoSync(on)
            ctx.update { $0.autoSync = on }
            await ctx.applyBackgroundSync()
            var note = "background sync \(word ?? "")"
            if on, ctx.settings.offline { note += " (starts when you run 'offline off')" }
            if on, !ctx.settings.interactive { note += " (it runs in the REPL, never in scripts)" }
            inv.write(note)
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

    /// Runs one sync with progress on a terminal and a summary; the status says how it went.
    ///
    /// In the REPL Ctrl-C cancels the sync's task (`CommandInterrupt`): the engine stops at its
    /// next request and keeps what it did, and the session says so and goes on.
    static func run(_ ctx: AgentContext, _ inv: CommandInvocation) async throws -> CommandOutcome {
        let sync = try ctx.syncSession(for: "sync")
        let printer = SyncProgressPrinter(isTerminal: ctx.terminal.isOutputTerminal)
        let summary = await sync.sync { printer.report($0) }
        inv.write(SyncReport.summary(summary, format: ctx.settings.format))
        if summary.outcome == .cancelled, ctx.settings.interactive { return .success }
        var status = SyncSession.status(of: summary)
        // Entries left failed or in conflict by an earlier run still need the user (status 4).
        let waiting = StatusLine.counts(ctx.replica)
        if status == .success, waiting.failed + waiting.conflicts > 0 { status = .needsAttention }
        guard status != .success else { return .success }
        let line = SyncProgressPrinter.summary(summary)
        switch status {
        case .needsAttention:
            return .failed(status, line, command: "sync", hint: "run 'outbox' and 'conflicts' to see what needs you")
        case .rateLimited:
            return .failed(status, line, command: "sync", hint: "the server's rate limit outlasted the retries; sync again later")
        default:
            return .failed(status, line, command: "sync")
        }
    }
}
