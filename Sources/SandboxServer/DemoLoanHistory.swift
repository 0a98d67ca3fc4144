import FincoreModel

/// The life of one disbursed demo loan: approval, disbursement, repayments (succeeded, failed,
/// reversed, pending) and perhaps a write-off, each applied through the model's own functions
/// (`disbursed(at:)`, `applyingPayment`, `applyingReversal`, `performing(.writeOff)`), so the
/// schedule and balance are exactly the contract's math (§ Loans) for the payments listed.
///
/// Events happen in time order after `cursor`, and never at or after the clock's limit.
struct DemoLoanHistory {
    private(set) var loan: Loan
    let plan: DemoLoanPlan
    let clock: DemoClock
    private(set) var payments: [Payment] = []
    var links: [PaymentLink] = []
    /// The latest instant used so far.
    private(set) var cursor: Timestamp

    init(loan: Loan, plan: DemoLoanPlan, clock: DemoClock) {
        self.loan = loan
        self.plan = plan
        self.clock = clock
        cursor = loan.createdAt
    }

    /// Approves and disburses the loan on a day its plan allows; false when the client joined
    /// too recently for that.
    mutating func disburse(clientDays since: Int, using rng: inout SeededRandom) throws -> Bool {
        let window = plan.disbursementWindow(term: loan.termMonths)
        // Six days leave room for application and approval after the client's KYC decision.
        let latest = min(window.upperBound, since - 6)
        guard latest >= window.lowerBound else { return false }
        let disbursedAt = clock.daysAgo(rng.int(in: window.lowerBound...latest), using: &rng)
        let approvedAt = disbursedAt.adding(microseconds: -rng.int64(in: DemoClock.hour...48 * DemoClock.hour))
        loan.createdAt = approvedAt.adding(microseconds: -rng.int64(in: 2 * DemoClock.hour...72 * DemoClock.hour))
        loan = try loan.performing(.approve, at: approvedAt).disbursed(at: disbursedAt)
        loan.version = 3
        loan.updatedAt = disbursedAt
        cursor = disbursedAt
        // A disbursement succeeds at once whatever its method (contract § Precise answers).
        let method = rng.weighted([(PaymentMethod.mobileMoney, 60), (.bankTransfer, 30), (.cash, 10)])
        payments.append(makePayment(.disbursement, amount: loan.principal, method: method, at: disbursedAt,
                                    status: .succeeded, using: &rng))
        return true
    }

    /// Repays as the plan says, then maybe leaves a pending payment or writes the loan off.
    mutating func repay(using rng: inout SeededRandom) throws {
        let term = loan.termMonths
        let pastDue = loan.schedule.filter { $0.dueDate < clock.today }.count
        switch plan {
        case .onTrack:
            try payInstalments(0..<pastDue, using: &rng)
        case .inArrears:
            let paid = rng.int(in: 0...max(0, pastDue - 1))
            try payInstalments(0..<paid, using: &rng)
            if paid < term, rng.chance(0.4) {
                // A partial payment: the instalment stays overdue.
                let part = max(1, loan.schedule[paid].remaining * rng.int64(in: 30...70) / 100)
                _ = try repayment(part, near: loan.schedule[paid].dueDate, using: &rng)
            }
        case .repaid:
            if pastDue == term, rng.chance(0.8) {
                try payInstalments(0..<term, using: &rng)
            } else {
                let most = min(pastDue, term - 1)
                let paid = max(rng.int(in: 0...most), rng.int(in: 0...most))
                try payInstalments(0..<paid, using: &rng)
                // An early payoff of everything left.
                if loan.balance > 0 { _ = try repayment(loan.balance, near: nil, using: &rng) }
            }
        case .writtenOff:
            let paid = rng.int(in: 0...min(2, max(0, pastDue - 1)))
            try payInstalments(0..<paid, using: &rng)
            if paid < term {
                let at = clock.during(loan.schedule[paid].dueDate.adding(days: rng.int(in: 90...150)), using: &rng)
                if at > cursor, at < clock.limit {
                    loan = try loan.performing(.writeOff, at: at)
                    bump(at)
                }
            }
        case .pending, .approved, .rejected, .withdrawn:
            return
        }
        if loan.status == .active, rng.chance(0.12) { try addPending(using: &rng) }
    }

    /// Pays instalments in full, each near its due date, stopping at the first that would
    /// fall on or after today.
    private mutating func payInstalments(_ range: Range<Int>, using rng: inout SeededRandom) throws {
        for index in range {
            let remaining = loan.schedule[index].remaining
            guard remaining > 0 else { continue }
            guard try repayment(min(remaining, loan.balance), near: loan.schedule[index].dueDate, using: &rng)
            else { return }
        }
    }

    /// One repayment of `amount` near `date` (or soon after the cursor), perhaps preceded by a
    /// failed attempt or by a payment that succeeded and was then reversed. False, with nothing
    /// changed, when it would not fit before the clock's limit.
    private mutating func repayment(_ amount: Int64, near date: CivilDate?, using rng: inout SeededRandom)
        throws -> Bool {
        var start = date.map { clock.during($0.adding(days: rng.int(in: -4...3)), using: &rng) }
            ?? clock.after(cursor, DemoClock.hour...25 * DemoClock.day, using: &rng)
        start = max(start, clock.after(cursor, 10 * DemoClock.minute...6 * DemoClock.hour, using: &rng))
        let failed = rng.chance(0.1)
        let bounced = !failed && rng.chance(0.04)
        // A bounced payment is retried after its reversal, so it needs at least two hours.
        let retry = clock.after(start, (bounced ? 2 * DemoClock.hour : 30 * DemoClock.minute)...(bounced ? 4 : 1)
            * DemoClock.day, using: &rng)
        let payAt = failed || bounced ? retry : start
        let method = rng.weighted([(PaymentMethod.cash, 40), (.mobileMoney, 45), (.bankTransfer, 10), (.card, 5)])
        let settleAt = method == .cash ? payAt : clock.after(payAt, 20_000_000...10 * DemoClock.minute, using: &rng)
        guard settleAt < clock.limit else { return false }
        if failed {
            let method = rng.weighted([(PaymentMethod.mobileMoney, 70), (.bankTransfer, 15), (.card, 15)])
            var attempt = makePayment(.repayment, amount: amount, method: method, at: start, status: .pending,
                                      using: &rng)
            attempt = try attempt.settled(succeeded: false, failureReason: failureReason(method, using: &rng))
            attempt.version = 2
            attempt.updatedAt = clock.after(start, 20_000_000...10 * DemoClock.minute, using: &rng)
            payments.append(attempt)
        } else if bounced {
            // Succeeded, then reversed a day or more later (POST /v1/payments/{id}/reverse).
            let reversedAt = clock.after(start, DemoClock.hour...(retry.microsecondsSinceEpoch
                - start.microsecondsSinceEpoch - DemoClock.minute), using: &rng)
            var bounce = makePayment(.repayment, amount: amount, method: .cash, at: start, status: .succeeded,
                                     using: &rng)
            loan = try loan.applyingPayment(amount, at: start)
            bump(start)
            loan = try loan.applyingReversal(amount)
            bump(reversedAt)
            bounce = try bounce.reversed()
            bounce.version = 2
            bounce.updatedAt = reversedAt
            payments.append(bounce)
        }
        var payment = makePayment(.repayment, amount: amount, method: method, at: payAt,
                                  status: method == .cash ? .succeeded : .pending, using: &rng)
        if method != .cash {
            payment = try payment.settled(succeeded: true)
            payment.version = 2
            payment.updatedAt = settleAt
        }
        payments.append(payment)
        loan = try loan.applyingPayment(amount, at: settleAt)
        bump(settleAt)
        return true
    }

    /// A non-cash payment made in the last hours, still waiting to settle.
    private mutating func addPending(using rng: inout SeededRandom) throws {
        let at = clock.limit.adding(microseconds: -rng.int64(in: 5 * DemoClock.minute...6 * DemoClock.hour))
        guard at > cursor, let next = loan.schedule.first(where: { $0.remaining > 0 }) else { return }
        let method = rng.weighted([(PaymentMethod.mobileMoney, 70), (.bankTransfer, 20), (.card, 10)])
        try loan.checkRepayment(amount: min(next.remaining, loan.balance))
        payments.append(makePayment(.repayment, amount: min(next.remaining, loan.balance), method: method, at: at,
                                    status: .pending, using: &rng))
    }

    /// Records a change of the loan at `at`: version + 1 and `updated_at`, as the store would.
    private mutating func bump(_ at: Timestamp) {
        loan.version += 1
        loan.updatedAt = at
        cursor = at
    }

    func makePayment(_ type: PaymentType, amount: Int64, method: PaymentMethod, at: Timestamp,
                     status: PaymentStatus, using rng: inout SeededRandom) -> Payment {
        Payment(
            id: .generate(using: &rng), createdAt: at, updatedAt: at, version: 1, type: type, loanID: loan.id,
            clientID: loan.clientID, branchID: loan.branchID, officerID: loan.officerID, amount: amount,
            currency: loan.currency, method: method, reference: reference(method, using: &rng), status: status)
    }

    /// A reference as each channel writes one: an M-Pesa-style code, a bank's FT number, a card
    /// charge, a cash receipt (or none).
    private func reference(_ method: PaymentMethod, using rng: inout SeededRandom) -> String? {
        switch method {
        case .mobileMoney: return rng.characters(10, from: SeededRandom.upperAlphanumerics)
        case .bankTransfer: return "FT" + rng.characters(10, from: SeededRandom.digits)
        case .card: return "ch_" + rng.characters(14, from: SeededRandom.upperAlphanumerics)
        case .cash: return rng.chance(0.5) ? "RCPT-" + rng.characters(6, from: SeededRandom.digits) : nil
        }
    }

    private func failureReason(_ method: PaymentMethod, using rng: inout SeededRandom) -> String {
        switch method {
        case .bankTransfer: return rng.pick(DemoNames.bankFailures)
        case .card: return rng.pick(DemoNames.cardFailures)
        case .mobileMoney, .cash: return rng.pick(DemoNames.mobileMoneyFailures)
        }
    }
}
