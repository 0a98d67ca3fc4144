import Console
import FincoreModel
import Foundation
import Replica

/// How `resolve` settles one conflicting or failed entry.
///
/// `mine` re-bases my edit on the server's version and sends it again; `theirs` drops my edit
/// (the server's copy is already in the replica) but keeps what was queued behind it, unless my
/// entry created the object they need (see `Outbox.takeTheirs`). Field by field, for client and loan edits:
/// my edit is dropped and a new one made of only the fields marked `mine`, against theirs.
enum ConflictResolution {
    static func resolve(_ entry: OutboxEntry, _ inv: CommandInvocation, _ ctx: AgentContext) throws -> CommandOutcome {
        guard entry.state == .conflict || entry.state == .failed else {
            throw CommandFailure("outbox \(entry.seq) is \(entry.state.rawValue); only conflicts and failures are resolved")
        }
        let choice = inv.arguments.positionals.dropFirst().first
        let fields = inv.arguments.fields
        switch (choice, fields.isEmpty) {
        case ("mine"?, true):
            try ctx.replica.outbox.retry(entry.seq, keepingMine: true)
            ctx.done("outbox \(entry.seq): keeping mine; queued again", [("seq", String(entry.seq)), ("kept", "mine")], inv)
        case ("theirs"?, true):
            let dropped = try ctx.replica.outbox.takeTheirs(entry.seq)
            let list = dropped.map(String.init).joined(separator: ", ")
            ctx.done("outbox \(entry.seq): took theirs; dropped \(list)",
                     [("seq", String(entry.seq)), ("kept", "theirs"), ("dropped", list)], inv)
        case (nil, false):
            try byField(entry, fields, inv, ctx)
        default:
            throw CommandFailure("expected 'mine', 'theirs', or FIELD=mine|theirs…", status: .usage)
        }
        return .success
    }

    private static func byField(_ entry: OutboxEntry, _ fields: [CommandArguments.Field], _ inv: CommandInvocation,
                                _ ctx: AgentContext) throws {
        guard entry.kind == .editClient || entry.kind == .editLoan else {
            throw CommandFailure("field by field works for client and loan edits; this is \(entry.kind.rawValue)",
                                 hint: "resolve \(entry.seq) mine|theirs")
        }
        let known = OutboxCommands.fieldNames(entry.body)
        for field in fields {
            guard known.contains(field.key) else {
                throw CommandFailure("my edit does not change '\(field.key)'; it changes \(known.joined(separator: ", "))",
                                     status: .usage)
            }
            guard field.value == "mine" || field.value == "theirs" else {
                throw CommandFailure("\(field.key): expected mine or theirs", status: .usage)
            }
        }
        let keep = Set(fields.filter { $0.value == "mine" }.map(\.key))
        let body = try FincoreJSON.decoder().decode(JSONValue.self, from: entry.body)
        let kept = filtered(body, keep: keep, prefix: "")
        _ = try ctx.replica.outbox.takeTheirs(entry.seq)
        guard !keep.isEmpty else {
            ctx.done("outbox \(entry.seq): took theirs for every field", [("seq", String(entry.seq)), ("kept", "theirs")], inv)
            return
        }
        let data = try FincoreJSON.encode(kept)
        if entry.kind == .editClient, let id = ClientID(entry.objectID) {
            _ = try ctx.replica.editClient(id, try FincoreJSON.decodeRequest(ClientPatch.self, from: data))
        } else if let id = LoanID(entry.objectID) {
            _ = try ctx.replica.editLoan(id, try FincoreJSON.decodeRequest(LoanPatch.self, from: data))
        }
        let mine = keep.sorted().joined(separator: ", ")
        ctx.done("outbox \(entry.seq): kept mine for \(mine); queued as a new edit",
                 [("seq", String(entry.seq)), ("kept", "mine for \(mine)")], inv)
    }

    private static func filtered(_ value: JSONValue, keep: Set<String>, prefix: String) -> JSONValue {
        guard case .object(let members) = value else { return value }
        var result: [String: JSONValue] = [:]
        for (key, child) in members {
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            if case .object = child {
                let inner = filtered(child, keep: keep, prefix: path)
                if case .object(let kept) = inner, !kept.isEmpty { result[key] = inner }
            } else if keep.contains(path) {
                result[key] = child
            }
        }
        return .object(result)
    }
}
