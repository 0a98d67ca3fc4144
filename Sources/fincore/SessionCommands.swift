import Console
import Replica
import Sync

/// `set`, `offline`, `status` and `quit`: the session itself.
enum SessionCommands {
    static func register(into table: inout CommandTable<AgentContext>) {
        table.register(CommandSpec("set", group: "session", summary: "Show the session's settings.",
                                   details: """
                                   format and offline last for this session; auto_sync ('sync auto on|off') and \
                                   scope ('set scope all|branch=ID|officer=ID') are kept for this replica.
                                   """)) { inv, ctx in
            let settings = ctx.settings
            ctx.show(record: [("format", settings.format.rawValue), ("offline", settings.offline ? "on" : "off"),
                              ("auto_sync", settings.autoSync ? "on" : "off"),
                              ("scope", (try? ctx.sync?.engine.scope())?.map(ScopeSetting.text) ?? "all"),
                              ("server", ctx.connection.label)], inv)
            return .success
        }
        table.register(CommandSpec("set format", group: "session", summary: "Choose the output format.",
                                   arguments: [ArgumentSpec("FORMAT", .text, help: OutputFormat.allCases.map(\.rawValue).joined(separator: "|"))],
                                   examples: ["set format csv"])) { inv, ctx in
            let format = try OutputFormat.named(inv.arguments.positionals[0])
            ctx.update { $0.format = format }
            return .success
        }
        ScopeSetting.register(into: &table)
        table.register(CommandSpec("offline", group: "session",
                                   summary: "Stay offline (on: no network traffic at all, background sync included) or go back online (off).",
                                   arguments: [ArgumentSpec("on|off", .text)])) { inv, ctx in
            switch inv.arguments.positionals[0] {
            case "on": ctx.update { $0.offline = true }
            case "off": ctx.update { $0.offline = false }
            case let other: throw UsageError.invalidField(name: "on|off", value: other, reason: "expected on or off",
                                                         suggestion: nil)
            }
            // `offline on` stops the background loop (cancelling a sync under way); `off` resumes it.
            await ctx.applyBackgroundSync()
            ctx.done("offline \(inv.arguments.positionals[0])", [("offline", inv.arguments.positionals[0])], inv)
            return .success
        }
        table.register(CommandSpec("status", group: "session", summary: "Server, mode, connectivity, pending edits, conflicts, last sync.")) { inv, ctx in
            var record = try StatusLine.record(ctx)
            record.insert(("auto_sync", await StatusLine.autoSync(ctx)), at: 3)
            if let listener = ctx.listener, let url = await listener.url {
                let tally = listener.inbox.counts
                record.append(("listening", "\(url) (\(tally.accepted) accepted, \(tally.refused) refused)"))
            } else {
                record.append(("listening", "off"))
            }
            ctx.show(record: record, inv)
            return .success
        }
        table.register(CommandSpec("quit", group: "session", summary: "End the session (Ctrl-D does too).")) { _, ctx in
            ctx.update { $0.quitRequested = true }
            return .success
        }
    }
}
