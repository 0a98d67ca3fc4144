import Console
import Replica

/// `sync …`: exchanging edits and changes with the server.
enum SyncCommands {
    static let notYet = CommandFailure("syncing is not available in this build yet; edits stay in the outbox",
                                       hint: "they are kept safely and will be pushed once sync is available",
                                       status: .offline)

    static func register(into table: inout CommandTable<AgentContext>) {
        table.register(CommandSpec("sync", summary: "Push the outbox and pull changes from the server.")) { _, _ in
            throw notYet
        }
        table.register(CommandSpec("sync plan", summary: "Show what a sync would send, without sending.")) { _, _ in
            throw notYet
        }
        table.register(CommandSpec("sync auto", summary: "Sync in the background while the REPL is open.",
                                   arguments: [ArgumentSpec("on|off", .text)])) { _, _ in
            throw notYet
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
}
