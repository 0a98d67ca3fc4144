import Console
import FincoreModel
import Foundation
import Replica

/// `outbox`, `conflicts` and `resolve`: the edits waiting for the server, and what to do with
/// the ones it refused or that collided with someone else's change.
enum OutboxCommands {
    static let entry = ArgumentSpec("N", .text, help: "the entry's number in 'outbox'")

    static func register(into table: inout CommandTable<AgentContext>) {
        table.register(CommandSpec("outbox", summary: "List edits not yet accepted by the server.",
                                   fields: [FieldSpec("all", .boolean, help: "include entries already pushed")])) { inv, ctx in
            let states: Set<OutboxEntry.State> = inv.arguments["all"] == "true"
                ? Set(OutboxEntry.State.allCases) : [.pending, .inFlight, .failed, .conflict]
            ctx.show(rows(try ctx.replica.outbox.entries(states)), inv)
            return .success
        }
        table.register(CommandSpec("outbox show", summary: "Show one outbox entry (fields named, values kept private).",
                                   arguments: [entry])) { inv, ctx in
            let found = try lookUp(inv, ctx)
            ctx.show(record: [("seq", String(found.seq)), ("kind", found.kind.rawValue), ("object", found.objectID),
                              ("request", "\(found.method) \(found.path)"), ("state", found.state.rawValue),
                              ("attempts", String(found.attempts)), ("fields", fieldNames(found.body).joined(separator: ", ")),
                              ("depends_on", found.dependsOn.map(String.init).joined(separator: ", ")),
                              ("error", found.failure.map { "\($0.code): \($0.message)" + ($0.field.map { " (\($0))" } ?? "") }),
                              ("created_at", found.createdAt.description)], inv)
            return .success
        }
        table.register(CommandSpec("outbox retry", summary: "Send a failed or conflicting entry again.", arguments: [entry],
                                   edits: true)) { inv, ctx in
            let found = try lookUp(inv, ctx)
            try ctx.replica.outbox.retry(found.seq)
            let pending = String(try ctx.replica.outbox.unpushedCount())
            ctx.done("outbox \(found.seq): queued again; \(pending) pending",
                     [("seq", String(found.seq)), ("queued", "again"), ("pending", pending)], inv)
            return .success
        }
        table.register(CommandSpec("outbox drop", summary: "Give up an entry and everything that depends on it.",
                                   arguments: [entry], edits: true)) { inv, ctx in
            let found = try lookUp(inv, ctx)
            let dropped = try ctx.replica.outbox.drop(found.seq)
            let list = dropped.map(String.init).joined(separator: ", ")
            let pending = String(try ctx.replica.outbox.unpushedCount())
            ctx.done("dropped outbox \(list); \(pending) pending", [("dropped", list), ("pending", pending)], inv)
            return .success
        }
        table.register(CommandSpec("conflicts", group: "outbox", summary: "List edits that collided with a change on the server.")) { inv, ctx in
            ctx.show(rows(try ctx.replica.outbox.entries([.conflict, .failed])), inv)
            return .success
        }
        table.register(CommandSpec("resolve", group: "outbox",
                                   summary: "Settle a conflict: keep mine, take theirs, or choose field by field.",
                                   details: "mine: send my edit again over the server's version. theirs: drop my edit. "
                                       + "FIELD=mine|theirs: keep my value for the fields marked mine (others: theirs).",
                                   arguments: [entry, ArgumentSpec("CHOICE", .text, optional: true, help: "mine or theirs")],
                                   acceptsOtherFields: true, examples: ["resolve 4 mine", "resolve 4 phone=mine address=theirs"],
                                   edits: true)) { inv, ctx in
            try ConflictResolution.resolve(try lookUp(inv, ctx), inv, ctx)
        }
    }

    static func lookUp(_ inv: CommandInvocation, _ ctx: AgentContext) throws -> OutboxEntry {
        let text = inv.arguments.positionals[0]
        guard let seq = Int64(text), let found = try ctx.replica.outbox.entry(seq) else {
            throw CommandFailure("no outbox entry \(text)", hint: "run 'outbox' to see entry numbers")
        }
        return found
    }

    /// The dotted field names of a body, never their values (a body may hold a KYC number).
    static func fieldNames(_ body: Data) -> [String] {
        guard let json = try? FincoreJSON.decoder().decode(JSONValue.self, from: body) else { return [] }
        func names(_ value: JSONValue, _ prefix: String) -> [String] {
            guard case .object(let members) = value else { return [prefix] }
            return members.keys.sorted().flatMap { names(members[$0] ?? .null, prefix.isEmpty ? $0 : "\(prefix).\($0)") }
        }
        return names(json, "")
    }

    static func rows(_ entries: [OutboxEntry]) -> OutputTable {
        OutputTable(columns: [OutputColumn("seq", .number), OutputColumn("kind"), OutputColumn("object"),
                              OutputColumn("state"), OutputColumn("attempts", .number), OutputColumn("error"),
                              OutputColumn("created")],
                    rows: entries.map {
                        [String($0.seq), $0.kind.rawValue, $0.objectID, $0.state.rawValue, String($0.attempts),
                         $0.failure.map { "\($0.code): \($0.message)" }, $0.createdAt.description]
                    })
    }
}
