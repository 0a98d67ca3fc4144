import FincoreModel

/// The `collections` report: what officers should collect, from `active` loans, with each
/// borrower's name and phone.
///
/// `due` lists unpaid instalments due within `from…to`; `overdue` lists unpaid instalments due
/// before both `from` and today, so no instalment is in both lists. Both are ordered by due date,
/// then loan id. An instalment is unpaid while `paid` is below `principal_due + interest_due`.
struct CollectionsReport {
    private struct Line {
        let dueDate: CivilDate
        let loanID: LoanID
        let value: JSONValue
    }

    let from: CivilDate
    let to: CivilDate
    let today: CivilDate
    private var due: [Line] = []
    private var overdue: [Line] = []

    init(from: CivilDate, to: CivilDate, today: CivilDate) {
        self.from = from
        self.to = to
        self.today = today
    }

    /// Adds a loan's unpaid instalments; `client` is the borrower (nil if it is gone).
    mutating func add(_ loan: Loan, client: Client?) {
        guard loan.status == .active else { return }
        for (index, instalment) in loan.schedule.enumerated() where !instalment.isPaid {
            let date = instalment.dueDate
            let inWindow = from <= date && date <= to
            guard inWindow || (date < from && date < today) else { continue }
            let name = client.map { "\($0.firstName) \($0.lastName)" }
            let value = JSONValue.object([
                "loan_id": .string(loan.id.rawValue), "client_id": .string(loan.clientID.rawValue),
                "client_name": name.map { .string($0) } ?? .null,
                "phone": client?.phone.map { .string($0) } ?? .null,
                "instalment": .integer(Int64(index + 1)), "due_date": .string(date.description),
                "amount_due": .integer(instalment.amountDue), "paid": .integer(instalment.paid),
                "remaining": .integer(instalment.remaining), "currency": .string(loan.currency.code),
                "days_past_due": .integer(max(0, date.days(until: today))),
            ])
            let line = Line(dueDate: date, loanID: loan.id, value: value)
            if inWindow { due.append(line) } else { overdue.append(line) }
        }
    }

    /// `result` members: `from`, `to`, `due`, `overdue`.
    func members() -> [String: JSONValue] {
        func sorted(_ lines: [Line]) -> JSONValue {
            .array(lines.sorted { ($0.dueDate, $0.loanID.rawValue) < ($1.dueDate, $1.loanID.rawValue) }.map(\.value))
        }
        return ["from": .string(from.description), "to": .string(to.description),
                "due": sorted(due), "overdue": sorted(overdue)]
    }
}
