import Console
import Foundation
import FincoreModel
import Replica

/// Offline views for the field: what is due, what is late, the portfolio, an object's history.
enum ViewCommands {
    static func register(into table: inout CommandTable<AgentContext>) {
        table.register(CommandSpec("due", group: "views", summary: "Instalments due today, on a day, or in a range.",
                                   arguments: [ArgumentSpec("WHEN", .date, optional: true,
                                                            help: "today (default), tomorrow, week, DATE or FROM..TO")],
                                   examples: ["due", "due 2026-12-01..2026-12-07"])) { inv, ctx in
            let today = ctx.today()
            let range = try DayRange.parse(inv.arguments.positionals.first, today: today)
            let list = try ctx.replica.collectionList(from: range.from, to: range.to, asOf: today)
            ctx.show(collection(list), inv)
            return .success
        }
        table.register(CommandSpec("overdue", group: "views", summary: "Instalments already late, oldest first.")) { inv, ctx in
            ctx.show(collection(try ctx.replica.overdueList(asOf: ctx.today())), inv)
            return .success
        }
        table.register(CommandSpec("portfolio", group: "views", summary: "Loans by status with principal and balance.")) { inv, ctx in
            let summary = try ctx.replica.portfolioSummary(asOf: ctx.today())
            var rows = OutputTable(columns: [OutputColumn("status"), OutputColumn("count", .number),
                                             OutputColumn("principal", .money), OutputColumn("balance", .money),
                                             OutputColumn("currency")])
            for line in summary.lines {
                rows.append([line.status.rawValue, String(line.count), line.principal.plainString,
                             line.balance.plainString, line.principal.currency.code])
            }
            for money in summary.outstanding {
                let risk = summary.atRisk30Bps(money.currency)
                rows.append(["outstanding", nil, nil, money.plainString, money.currency.code])
                rows.append(["PAR30 \(risk / 100).\(String(format: "%02d", risk % 100))%", nil, nil,
                             summary.atRisk30.first { $0.currency == money.currency }?.plainString, money.currency.code])
            }
            ctx.show(rows, inv)
            return .success
        }
        table.register(CommandSpec("history", group: "views", summary: "What happened to one object, here and on the server.",
                                   arguments: [ArgumentSpec("ID", .anyID)])) { inv, ctx in
            var id = inv.arguments.positionals[0]
            if ClientID(id) == nil, LoanID(id) == nil, PaymentID(id) == nil, PaymentLinkID(id) == nil {
                id = try Resolver.client(id, in: ctx.replica).id.rawValue
            }
            let events = try ctx.replica.history(of: id)
            ctx.show(OutputTable(columns: [OutputColumn("seq", .number), OutputColumn("at"), OutputColumn("event"),
                                           OutputColumn("version", .number), OutputColumn("outbox", .number),
                                           OutputColumn("error")],
                                 rows: events.map {
                                     [String($0.seq), $0.at.description, $0.event, $0.version.map(String.init),
                                      $0.outboxSeq.map(String.init), $0.errorCode]
                                 }), inv)
            return .success
        }
        CashCheck.register(into: &table)
    }

    static func collection(_ list: CollectionList) -> OutputTable {
        OutputTable(columns: [OutputColumn("due"), OutputColumn("loan_id"), OutputColumn("client"), OutputColumn("phone"),
                              OutputColumn("no", .number), OutputColumn("remaining", .money), OutputColumn("currency"),
                              OutputColumn("days_late", .number)],
                    rows: list.items.map {
                        [$0.dueDate.description, $0.loanID.rawValue, "\($0.firstName) \($0.lastName)", $0.phone,
                         String($0.number), $0.remaining.plainString, $0.remaining.currency.code,
                         String(max(0, $0.daysPastDue))]
                    })
    }
}
