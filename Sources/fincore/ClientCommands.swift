import Console
import FincoreModel
import Replica

/// `client …` and `kyc …`: finding, registering and editing clients, offline.
enum ClientCommands {
    /// The client fields a person may type, by their API names.
    static let fields: [FieldSpec] = [
        FieldSpec("first_name", help: "1 to 100 characters"),
        FieldSpec("last_name", help: "1 to 100 characters"),
        FieldSpec("phone", .phone, help: "E.164, e.g. +254712345678"),
        FieldSpec("email", .email),
        FieldSpec("date_of_birth", .date),
        FieldSpec("address", help: "up to 500 characters"),
        FieldSpec("branch_id"),
        FieldSpec("officer_id"),
        FieldSpec("status", .oneOf(ClientStatus.allCases.map(\.rawValue))),
        FieldSpec("kyc.id_type", .oneOf(IDType.allCases.map(\.rawValue))),
        FieldSpec("kyc.id_number", help: "kept private: never shown, logged or put in history"),
    ]

    static var addFields: [FieldSpec] {
        fields.map { ["first_name", "last_name"].contains($0.name) ? FieldSpec($0.name, $0.kind, required: true, help: $0.help) : $0 }
            + [FieldSpec("external_id", help: "your own unique reference (generated if left out)")]
    }

    static let client = ArgumentSpec("CLIENT", .clientID, help: "an id (cl_…) or a unique full name")

    static func register(into table: inout CommandTable<AgentContext>) {
        table.register(CommandSpec("client list", summary: "List clients, by last name.",
                                   fields: [FieldSpec("status", .oneOf(ClientStatus.allCases.map(\.rawValue))),
                                            FieldSpec("branch_id"), FieldSpec("officer_id"),
                                            FieldSpec("limit", .integer)],
                                   examples: ["client list status=active limit=20"])) { inv, ctx in
            let args = inv.arguments
            let limit = Int(args["limit"] ?? "") ?? 100
            guard limit > 0 else { throw CommandFailure("limit: must be at least 1", status: .usage) }
            let clients = try ctx.replica.clients(status: args["status"].flatMap(ClientStatus.init(rawValue:)),
                                                  branchID: args["branch_id"], officerID: args["officer_id"], limit: limit)
            ctx.show(Rows.clients(clients), inv)
            return .success
        }
        table.register(CommandSpec("client find", summary: "Find clients by name, phone or ID number.",
                                   arguments: [ArgumentSpec("TEXT", .text)], examples: ["client find wanjiku"])) { inv, ctx in
            ctx.show(Rows.clients(try ctx.replica.searchClients(inv.arguments.positionals[0], limit: 50)), inv)
            return .success
        }
        table.register(CommandSpec("client show", summary: "Show one client and its loans.", arguments: [client])) { inv, ctx in
            let found = try Resolver.client(inv.arguments.positionals[0], in: ctx.replica)
            guard let viewed = try ctx.replica.client(found.id) else { return .refused("client vanished") }
            ctx.show(record: Rows.client(viewed), inv)
            let loans = try ctx.replica.loans(ofClient: found.id)
            if !loans.isEmpty, ctx.settings.format == .table {
                inv.write("")
                ctx.show(Rows.loans(loans), inv)
            }
            return .success
        }
        table.register(CommandSpec("client add", summary: "Register a client (offline; KYC starts pending).",
                                   fields: addFields, examples: ["client add first_name=Amina last_name=Otieno phone=+254712345678 "
                                       + "kyc.id_type=national_id kyc.id_number=12345678"],
                                   edits: true)) { inv, ctx in
            let body = try RequestBuilder.body(NewClient.self, inv.arguments.fields, spec: inv.spec, currency: nil)
            let saved = try ctx.replica.createClient(body)
            return try ctx.saved("client added", id: saved.value.id.rawValue, inv)
        }
        table.register(CommandSpec("client edit", summary: "Change a client's fields (an empty value clears one).",
                                   arguments: [client], fields: fields, examples: ["client edit cl_… phone=+254700000001 address="],
                                   edits: true)) { inv, ctx in
            let found = try Resolver.client(inv.arguments.positionals[0], in: ctx.replica)
            let patch = try RequestBuilder.body(ClientPatch.self, inv.arguments.fields, spec: inv.spec, currency: nil)
            guard patch != ClientPatch() else {
                throw CommandFailure("nothing to change", hint: "give fields, e.g. phone=+254700000001", status: .usage)
            }
            let saved = try ctx.replica.editClient(found.id, patch)
            return try ctx.saved("client edited", id: saved.value.id.rawValue, inv)
        }
        table.register(CommandSpec("client delete", summary: "Delete a client that has no loans (needs the server "
                                       + "unless it never left this laptop).", arguments: [client], edits: true)) { inv, ctx in
            try await delete(inv, ctx)
        }
        table.register(CommandSpec("kyc verify", group: "client", summary: "Mark a client's KYC verified (needs id_type and id_number).",
                                   arguments: [client], edits: true)) { inv, ctx in
            let found = try Resolver.client(inv.arguments.positionals[0], in: ctx.replica)
            if found.kyc.idType == nil || found.kyc.idNumber == nil {
                let id = found.id.rawValue
                throw CommandFailure("client \(id) has no \(found.kyc.idType == nil ? "kyc.id_type" : "kyc.id_number")",
                                     hint: "run 'client edit \(id) kyc.id_type=national_id kyc.id_number=…' first")
            }
            let saved = try ctx.replica.verifyKYC(found.id)
            return try ctx.saved("KYC verified for client", id: saved.value.id.rawValue, inv)
        }
        table.register(CommandSpec("kyc reject", group: "client", summary: "Reject a client's pending KYC with a reason.",
                                   arguments: [client], fields: [FieldSpec("reason", required: true)], edits: true)) { inv, ctx in
            let found = try Resolver.client(inv.arguments.positionals[0], in: ctx.replica)
            let saved = try ctx.replica.rejectKYC(found.id, reason: inv.arguments["reason"] ?? "")
            return try ctx.saved("KYC rejected for client", id: saved.value.id.rawValue, inv)
        }
    }

    /// A client never pushed is purged here; one the server has is deleted there first (the
    /// contract has no queued delete), then purged with all its personal data.
    private static func delete(_ inv: CommandInvocation, _ ctx: AgentContext) async throws -> CommandOutcome {
        let found = try Resolver.client(inv.arguments.positionals[0], in: ctx.replica)
        let id = found.id.rawValue
        if !(try ctx.replica.loans(ofClient: found.id)).isEmpty {
            throw CommandFailure("client \(id) has loans; only a client without loans can be deleted")
        }
        if LocalID.isLocal(found.id) {
            if !inv.dryRun { try ctx.replica.purgeClient(found.id) }
            ctx.done("client \(id) deleted (it had never reached the server)", [("id", id), ("deleted", "local")], inv)
            return .success
        }
        let api = try ctx.server(for: inv.spec.name)
        if inv.dryRun { return .success }
        _ = try await api.deleteClient(found.id)
        try ctx.replica.purgeClient(found.id)
        ctx.done("client \(id) deleted on the server and purged from this laptop", [("id", id), ("deleted", "server")], inv)
        return .success
    }
}
