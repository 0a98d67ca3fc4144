import Console
import FincoreModel
import Replica

/// `cash [DATE]`: the officer's end-of-day check of money taken on this laptop.
///
/// Per currency and method: what was collected here (repayments recorded that day), how much
/// of it reached the server (its outbox entry is done), and how much the server confirmed
/// succeeded. Every repayment that is not both is listed, so a missing receipt is found the
/// same evening rather than at month end.
enum CashCheck {
    private struct Taken {
        let entry: OutboxEntry
        let money: Money
        let method: PaymentMethod
        let reached: Bool
        let confirmed: Bool
    }

    static func register(into table: inout CommandTable<AgentContext>) {
        table.register(CommandSpec("cash", group: "views", summary: "End-of-day cash check: collected, reached the server, confirmed.",
                                   arguments: [ArgumentSpec("DATE", .date, optional: true, help: "default today")])) { inv, ctx in
            let text = inv.arguments.positionals.first
            guard let day = text.map({ CivilDate($0) }) ?? ctx.today() else {
                throw CommandFailure("'\(text ?? "")' is not a date", hint: "give YYYY-MM-DD", status: .usage)
            }
            let taken = try collected(on: day, ctx.replica)
            ctx.show(summary(taken), inv)
            let open = taken.filter { !$0.reached || !$0.confirmed }
            if !open.isEmpty, ctx.settings.format == .table {
                inv.write("\ndifferences:")
                for item in open {
                    let why = !item.reached ? "not yet on the server (\(item.entry.state.rawValue))" : "not confirmed succeeded"
                    inv.write("  outbox \(item.entry.seq)  \(item.entry.objectID)  \(item.money.plainString) "
                        + "\(item.money.currency.code) \(item.method.rawValue): \(why)")
                }
            }
            return .success
        }
    }

    private static func collected(on day: CivilDate, _ replica: Replica) throws -> [Taken] {
        try replica.outbox.entries().filter { $0.kind == .repay && CivilDate($0.createdAt) == day }.compactMap { entry in
            guard let body = try? entry.decodeBody(as: NewRepayment.self),
                  let loanID = entry.loanID.flatMap(LoanID.init), let loan = try replica.loan(loanID)?.value else { return nil }
            let payment = PaymentID(entry.objectID).flatMap { try? replica.payment($0)?.value }
            let reached = entry.state == .done
            return Taken(entry: entry, money: Money(minorUnits: body.amount, currency: loan.currency), method: body.method,
                         reached: reached, confirmed: reached && payment?.status == .succeeded)
        }
    }

    private static func summary(_ taken: [Taken]) -> OutputTable {
        var table = OutputTable(columns: [OutputColumn("currency"), OutputColumn("method"), OutputColumn("count", .number),
                                          OutputColumn("collected", .money), OutputColumn("reached_server", .money),
                                          OutputColumn("confirmed", .money), OutputColumn("difference", .money)])
        let groups = Dictionary(grouping: taken) { "\($0.money.currency.code) \($0.method.rawValue)" }
        for key in groups.keys.sorted() {
            guard let items = groups[key], let first = items.first else { continue }
            let currency = first.money.currency
            func total(_ keep: (Taken) -> Bool) -> Int64 { items.filter(keep).reduce(0) { $0 + $1.money.minorUnits } }
            let all = total { _ in true }, reached = total(\.reached), confirmed = total(\.confirmed)
            table.append([currency.code, first.method.rawValue, String(items.count), Rows.amount(all, currency),
                          Rows.amount(reached, currency), Rows.amount(confirmed, currency),
                          Rows.amount(all - confirmed, currency)])
        }
        return table
    }
}
