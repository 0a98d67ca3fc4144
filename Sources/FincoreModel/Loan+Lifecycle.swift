/// The loan's actions as pure functions: each returns the loan after it, or the refusal.
///
/// The server calls these and then bumps `version` and `updated_at`; the agent can call them
/// to predict an offline result. Checks follow the contract's order (§ Precise answers):
/// state first (`invalid_state`), then amounts (`amount_exceeds_balance`).
extension Loan {
    /// `POST /v1/loans/{id}/{action}` for approve, reject, withdraw and write_off.
    /// (Approval also needs the client's KYC `verified`; the server checks that, it is not the loan's.)
    public func performing(_ action: LoanAction, at now: Timestamp) throws(ModelError) -> Loan {
        switch action {
        case .disburse: return try disbursed(at: now)
        case .repay, .edit:
            throw ModelError(.invalidArgument, "\(action.verb) is not a state action; use applyingPayment or LoanPatch")
        case .approve, .reject, .withdraw, .writeOff:
            var l = self
            l.status = try action.target(from: status)
            if action == .approve { l.approvedAt = now }
            return l
        }
    }

    /// `disburse`: the schedule from the UTC date of `now`, the balance principal + interest,
    /// status `active` (contract § Loans).
    public func disbursed(at now: Timestamp) throws(ModelError) -> Loan {
        var l = self
        l.status = try LoanAction.disburse.target(from: status)
        l.schedule = try LoanSchedule.instalments(
            principal: principal, rateBps: interestRateBps, termMonths: termMonths, disbursedOn: CivilDate(now))
        let interest = try LoanSchedule.totalInterest(
            principal: principal, rateBps: interestRateBps, termMonths: termMonths)
        l.balance = try LoanSchedule.balance(principal: principal, totalInterest: interest)
        l.disbursedAt = now
        return l
    }

    /// Whether a new repayment of `amount` may be taken: the loan `active`, and `amount` ≤
    /// `balance` minus the loan's `pending` payments (contract § Loans, repayments).
    public func checkRepayment(amount: Int64, pendingTotal: Int64 = 0) throws(ModelError) {
        _ = try LoanAction.repay.target(from: status)
        guard amount > 0 else { throw ModelError(.invalidArgument, "must be greater than zero", field: "amount") }
        let (available, overflow) = balance.subtractingReportingOverflow(pendingTotal)
        guard !overflow, amount <= available else {
            throw ModelError(.amountExceedsBalance, "must not exceed the loan's balance less its pending payments",
                             field: "amount")
        }
    }

    /// The loan after a repayment of `amount` succeeded: balance lowered, oldest instalments
    /// filled, `closed` at 0 with `closed_at` = `now`.
    public func applyingPayment(_ amount: Int64, at now: Timestamp) throws(ModelError) -> Loan {
        _ = try LoanAction.repay.target(from: status)
        guard amount <= balance else {
            throw ModelError(.amountExceedsBalance, "must not exceed the loan's balance", field: "amount")
        }
        var l = self
        l.schedule = try LoanSchedule.allocate(amount, to: schedule)
        l.balance = balance - amount
        l.status = l.status.settled(balance: l.balance)
        if l.status == .closed { l.closedAt = now }
        return l
    }

    /// The loan after a succeeded repayment of `amount` was reversed: balance restored, the
    /// allocation undone, a `closed` loan reopened (`active`, `closed_at` null; § Precise answers).
    /// A written-off loan gets its balance back but stays written off.
    public func applyingReversal(_ amount: Int64) throws(ModelError) -> Loan {
        guard status == .active || status == .closed || status == .writtenOff else {
            throw ModelError(.invalidState, "cannot reverse a payment of a loan that is \(status.rawValue)")
        }
        var l = self
        l.schedule = try LoanSchedule.reverse(amount, from: schedule)
        let (restored, overflow) = balance.addingReportingOverflow(amount)
        if overflow { throw ModelError(.overflow, "the restored balance is too large", field: "amount") }
        l.balance = restored
        l.status = l.status.settled(balance: restored)
        if l.status == .active { l.closedAt = nil }
        return l
    }
}
