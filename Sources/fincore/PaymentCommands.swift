import Console
import FincoreModel
import Replica

/// `repay` and `payment …`: taking repayments and reversing them, offline.
enum PaymentCommands {
    static let payment = ArgumentSpec("PAYMENT", .paymentID)

    static func register(into table: inout CommandTable<AgentContext>) {
        table.register(CommandSpec("repay", group: "payment", summary: "Record a repayment on an active loan.",
                                   arguments: [LoanCommands.loan],
                                   fields: [FieldSpec("amount", .money, required: true, help: "in the loan's currency, e.g. 4500.50"),
                                            FieldSpec("method", .oneOf(LoanCommands.methods), required: true),
                                            FieldSpec("reference", help: "receipt or transaction number"),
                                            FieldSpec("external_id")], examples: ["repay ln_… amount=4500.50 method=cash reference=R-1042"],
                                   edits: true)) { inv, ctx in
            let loan = try Resolver.loan(inv.arguments.positionals[0], in: ctx.replica)
            let body = try RequestBuilder.body(NewRepayment.self, inv.arguments.fields, spec: inv.spec, currency: loan.currency)
            let saved = try ctx.replica.repay(loan.id, body)
            return try ctx.saved("repayment of \(Rows.amount(body.amount, loan.currency)) \(loan.currency.code) recorded as",
                                 id: saved.value.id.rawValue, inv)
        }
        table.register(CommandSpec("payment list", summary: "List payments, optionally of one loan.",
                                   fields: [FieldSpec("loan", .reference(.loanID)),
                                            FieldSpec("status", .oneOf(PaymentStatus.allCases.map(\.rawValue)))])) { inv, ctx in
            var payments: [Viewed<Payment>]
            if let loan = inv.arguments["loan"] {
                payments = try ctx.replica.payments(ofLoan: try Resolver.loan(loan, in: ctx.replica).id)
            } else {
                payments = try Resolver.allLoans(in: ctx.replica).flatMap { try ctx.replica.payments(ofLoan: $0.value.id) }
            }
            if let status = inv.arguments["status"] { payments = payments.filter { $0.value.status.rawValue == status } }
            ctx.show(Rows.payments(payments), inv)
            return .success
        }
        table.register(CommandSpec("payment show", summary: "Show one payment.", arguments: [payment])) { inv, ctx in
            let found = try Resolver.payment(inv.arguments.positionals[0], in: ctx.replica)
            guard let viewed = try ctx.replica.payment(found.id) else { return .refused("payment vanished") }
            ctx.show(record: Rows.payment(viewed), inv)
            return .success
        }
        table.register(CommandSpec("payment reverse", summary: "Reverse a succeeded payment with a reason.",
                                   arguments: [payment], fields: [FieldSpec("reason", required: true)], edits: true)) { inv, ctx in
            let found = try Resolver.payment(inv.arguments.positionals[0], in: ctx.replica)
            let saved = try ctx.replica.reversePayment(found.id, reason: inv.arguments["reason"] ?? "")
            return try ctx.saved("payment reversed", id: saved.value.id.rawValue, inv)
        }
    }
}
