import Console
import FincoreModel
import Replica

/// `loan …`: applications and the loan state machine (contract § Loans), offline.
enum LoanCommands {
    static let loan = ArgumentSpec("LOAN", .loanID)
    static let terms: [FieldSpec] = [
        FieldSpec("principal", .money, help: "in the currency's decimals, e.g. 50000 or 4500.50"),
        FieldSpec("interest_rate_bps", .integer, help: "annual flat rate in basis points, 0 to 10000"),
        FieldSpec("term_months", .integer, help: "1 to 120"),
        FieldSpec("product", help: "default standard"),
    ]
    static let methods = PaymentMethod.allCases.map(\.rawValue)

    static func register(into table: inout CommandTable<AgentContext>) {
        table.register(CommandSpec("loan list", summary: "List loans, optionally of one client or in one status.",
                                   fields: [FieldSpec("client", .reference(.clientID)),
                                            FieldSpec("status", .oneOf(LoanStatus.allCases.map(\.rawValue)))])) { inv, ctx in
            var loans: [Viewed<Loan>]
            if let name = inv.arguments["client"] {
                loans = try ctx.replica.loans(ofClient: try Resolver.client(name, in: ctx.replica).id)
            } else {
                loans = try Resolver.allLoans(in: ctx.replica)
            }
            if let status = inv.arguments["status"] { loans = loans.filter { $0.value.status.rawValue == status } }
            ctx.show(Rows.loans(loans), inv)
            return .success
        }
        table.register(CommandSpec("loan show", summary: "Show a loan, its next instalment and its payments.",
                                   arguments: [loan])) { inv, ctx in
            let found = try Resolver.loan(inv.arguments.positionals[0], in: ctx.replica)
            guard let detail = try ctx.replica.loanDetail(found.id, asOf: ctx.today()) else { return .refused("loan vanished") }
            var record = Rows.loan(detail.loan)
            record.append(("paid", detail.paid.plainString))
            record.append(("overdue", detail.overdue.plainString))
            record.append(("days_past_due", String(detail.daysPastDue)))
            ctx.show(record: record, inv)
            if !detail.payments.isEmpty, ctx.settings.format == .table {
                inv.write("")
                ctx.show(Rows.payments(detail.payments), inv)
            }
            return .success
        }
        table.register(CommandSpec("loan apply", summary: "Apply for a loan for a client (starts pending).",
                                   arguments: [ClientCommands.client],
                                   fields: [FieldSpec("principal", .money, required: true, help: terms[0].help),
                                            FieldSpec("currency", required: true, help: "ISO 4217, e.g. KES"),
                                            FieldSpec("interest_rate_bps", .integer, required: true, help: terms[1].help),
                                            FieldSpec("term_months", .integer, required: true, help: terms[2].help),
                                            terms[3], FieldSpec("external_id")], examples: ["loan apply cl_… principal=50000 currency=KES interest_rate_bps=1800 term_months=12"],
                                   edits: true))
        { inv, ctx in
            let client = try Resolver.client(inv.arguments.positionals[0], in: ctx.replica)
            let currency = try Currency.parse(inv.arguments["currency"] ?? "")
            let body = try RequestBuilder.body(NewLoan.self, inv.arguments.fields, spec: inv.spec, currency: currency,
                                               extra: ["client_id": .string(client.id.rawValue)])
            let saved = try ctx.replica.applyForLoan(body)
            return try ctx.saved("loan applied for", id: saved.value.id.rawValue, inv)
        }
        table.register(CommandSpec("loan edit", summary: "Change a pending application's terms.",
                                   arguments: [loan], fields: terms, edits: true)) { inv, ctx in
            let found = try Resolver.loan(inv.arguments.positionals[0], in: ctx.replica)
            let patch = try RequestBuilder.body(LoanPatch.self, inv.arguments.fields, spec: inv.spec, currency: found.currency)
            guard patch != LoanPatch() else {
                throw CommandFailure("nothing to change", hint: "give terms, e.g. term_months=6", status: .usage)
            }
            return try ctx.saved("loan edited", id: try ctx.replica.editLoan(found.id, patch).value.id.rawValue, inv)
        }
        table.register(CommandSpec("loan approve", summary: "Approve a pending application (the client's KYC must be verified).",
                                   arguments: [loan], edits: true)) { inv, ctx in
            let found = try Resolver.loan(inv.arguments.positionals[0], in: ctx.replica)
            if let client = try ctx.replica.client(found.clientID)?.value, client.kyc.status != .verified,
               found.status == .pending {
                let id = client.id.rawValue
                throw CommandFailure("client \(id) KYC is \(client.kyc.status.rawValue)",
                                     hint: client.kyc.status == .pending ? "run 'kyc verify \(id)' first"
                                         : "the client's KYC must be verified before a loan is approved")
            }
            return try ctx.saved("loan approved", id: try ctx.replica.approveLoan(found.id).value.id.rawValue, inv)
        }
        table.register(CommandSpec("loan reject", summary: "Reject a pending application with a reason.",
                                   arguments: [loan], fields: [FieldSpec("reason", required: true)], edits: true)) { inv, ctx in
            let found = try Resolver.loan(inv.arguments.positionals[0], in: ctx.replica)
            let saved = try ctx.replica.rejectLoan(found.id, reason: inv.arguments["reason"] ?? "")
            return try ctx.saved("loan rejected", id: saved.value.id.rawValue, inv)
        }
        table.register(CommandSpec("loan withdraw", summary: "Withdraw a pending or approved application.",
                                   arguments: [loan], edits: true)) { inv, ctx in
            let found = try Resolver.loan(inv.arguments.positionals[0], in: ctx.replica)
            return try ctx.saved("loan withdrawn", id: try ctx.replica.withdrawLoan(found.id).value.id.rawValue, inv)
        }
        table.register(CommandSpec("loan disburse", summary: "Disburse an approved loan (makes its schedule).",
                                   arguments: [loan], fields: [FieldSpec("method", .oneOf(methods), required: true)],
                                   examples: ["loan disburse ln_… method=mobile_money"], edits: true)) { inv, ctx in
            let found = try Resolver.loan(inv.arguments.positionals[0], in: ctx.replica)
            let method = try PaymentMethod.parse(inv.arguments["method"] ?? "", field: "method")
            return try ctx.saved("loan disbursed", id: try ctx.replica.disburseLoan(found.id, method: method).value.id.rawValue, inv)
        }
        table.register(CommandSpec("loan write_off", summary: "Write off an active loan with a reason.",
                                   arguments: [loan], fields: [FieldSpec("reason", required: true)], edits: true)) { inv, ctx in
            let found = try Resolver.loan(inv.arguments.positionals[0], in: ctx.replica)
            let saved = try ctx.replica.writeOffLoan(found.id, reason: inv.arguments["reason"] ?? "")
            return try ctx.saved("loan written off", id: saved.value.id.rawValue, inv)
        }
    }
}
