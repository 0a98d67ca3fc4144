import Console
import FincoreModel
import Replica

/// `link …`: payment links a client pays through (the URL comes from the server on sync).
enum LinkCommands {
    static let link = ArgumentSpec("LINK", .linkID)

    static func register(into table: inout CommandTable<AgentContext>) {
        table.register(CommandSpec("link create", summary: "Create a payment link for an active loan.",
                                   arguments: [LoanCommands.loan],
                                   fields: [FieldSpec("amount", .money, required: true), FieldSpec("external_id")],
                                   examples: ["link create ln_… amount=1500"], edits: true)) { inv, ctx in
            let loan = try Resolver.loan(inv.arguments.positionals[0], in: ctx.replica)
            let body = try RequestBuilder.body(NewPaymentLink.self, inv.arguments.fields, spec: inv.spec,
                                               currency: loan.currency, extra: ["loan_id": .string(loan.id.rawValue)])
            let saved = try ctx.replica.createPaymentLink(body)
            return try ctx.saved("payment link created", id: saved.value.id.rawValue, inv)
        }
        table.register(CommandSpec("link list", summary: "List payment links, optionally of one loan.",
                                   fields: [FieldSpec("loan", .reference(.loanID))])) { inv, ctx in
            let loans = try inv.arguments["loan"].map { [try Resolver.loan($0, in: ctx.replica).id] }
                ?? Resolver.allLoans(in: ctx.replica).map(\.value.id)
            ctx.show(Rows.links(try loans.flatMap { try ctx.replica.paymentLinks(ofLoan: $0) }), inv)
            return .success
        }
        table.register(CommandSpec("link show", summary: "Show one payment link.", arguments: [link])) { inv, ctx in
            let found = try Resolver.link(inv.arguments.positionals[0], in: ctx.replica)
            guard let viewed = try ctx.replica.paymentLink(found.id) else { return .refused("link vanished") }
            ctx.show(record: Rows.link(viewed), inv)
            return .success
        }
        table.register(CommandSpec("link cancel", summary: "Cancel an active payment link.", arguments: [link],
                                   edits: true)) { inv, ctx in
            let found = try Resolver.link(inv.arguments.positionals[0], in: ctx.replica)
            return try ctx.saved("payment link canceled", id: try ctx.replica.cancelPaymentLink(found.id).value.id.rawValue, inv)
        }
    }
}
