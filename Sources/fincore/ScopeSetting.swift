import Console
import Sync

/// `set scope all|branch=ID|officer=ID`: which part of the portfolio this replica keeps
/// (issue 7). Kept in the replica by the sync engine; the next sync lists afresh in the new
/// scope and purges the clients outside it once nothing of theirs waits in the outbox.
enum ScopeSetting {
    static func register(into table: inout CommandTable<AgentContext>) {
        table.register(CommandSpec(
            "set scope", group: "session", summary: "Choose which clients this replica keeps: all, a branch or an officer.",
            details: """
            Kept for this replica. The next sync lists every resource afresh in the new scope and \
            removes the clients outside it (with their loans and payments) once their pending \
            edits are pushed; a client with unpushed edits stays until then.
            """,
            arguments: [ArgumentSpec("all", .text, optional: true, help: "every client the key can see (the default)")],
            fields: [FieldSpec("branch", .text, help: "only this branch's clients"),
                     FieldSpec("officer", .text, help: "only this loan officer's clients")],
            examples: ["set scope branch=br_nairobi", "set scope officer=of_nairobi_2", "set scope all"])) { inv, ctx in
            let scope = try parse(inv)
            // The check pass of `--atomic` runs over a scratch context without the engine.
            guard !inv.dryRun else { return .success }
            guard let sync = ctx.sync else {
                throw CommandFailure("no server is configured, so there is no scope to set", status: .refused)
            }
            try await sync.engine.setScope(scope)
            ctx.done("scope \(text(scope)): the next sync applies it", [("scope", text(scope))], inv)
            return .success
        }
    }

    static func parse(_ inv: CommandInvocation) throws -> SyncScope {
        let all = inv.arguments.positionals.first
        let branch = inv.arguments["branch"], officer = inv.arguments["officer"]
        switch (all, branch, officer) {
        case ("all"?, nil, nil): return .all
        case (nil, let id?, nil) where !id.isEmpty: return .branch(id)
        case (nil, nil, let id?) where !id.isEmpty: return .officer(id)
        default:
            throw UsageError.invalidField(name: "scope", value: all ?? "", reason: "expected all, branch=ID or officer=ID",
                                          suggestion: nil)
        }
    }

    /// The scope as `set` and `status` show it, in the words `set scope` takes.
    static func text(_ scope: SyncScope) -> String {
        switch scope {
        case .all: return "all"
        case .branch(let id): return "branch=\(id)"
        case .officer(let id): return "officer=\(id)"
        }
    }
}
