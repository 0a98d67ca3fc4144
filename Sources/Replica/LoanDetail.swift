import FincoreModel

/// A loan with its schedule, what is paid and what is late, as the user sees it offline.
public struct LoanDetail: Sendable {
    public let loan: Viewed<Loan>
    public let payments: [Viewed<Payment>]
    /// Paid towards the schedule so far (offline repayments included).
    public let paid: Money
    /// Unpaid amounts of instalments due before `asOf`.
    public let overdue: Money
    /// Days since the oldest unpaid instalment fell due; 0 when nothing is late.
    public let daysPastDue: Int
}

extension Replica {
    /// A loan with its schedule (inside `loan`), its payments, and what is paid and overdue on `asOf`.
    public func loanDetail(_ id: LoanID, asOf: CivilDate) throws -> LoanDetail? {
        guard let loan = try loan(id) else { return nil }
        let payments = try payments(ofLoan: loan.value.id)
        let schedule = loan.value.schedule
        let late = schedule.filter { $0.dueDate < asOf && !$0.isPaid }
        let overdue = late.reduce(Int64(0)) { $0 &+ $1.remaining }
        let days = late.first.map { Int($0.dueDate.days(until: asOf)) } ?? 0
        return LoanDetail(
            loan: loan, payments: payments,
            paid: Money(minorUnits: LoanSchedule.totalPaid(schedule), currency: loan.value.currency),
            overdue: Money(minorUnits: overdue, currency: loan.value.currency), daysPastDue: days)
    }
}
