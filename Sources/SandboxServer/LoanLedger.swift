import FincoreModel

/// The money movements of a loan inside one store transaction: taking a repayment, settling a
/// pending one, reversing a succeeded one (contract § Loans and § Payments).
///
/// The arithmetic (balance, schedule allocation, closing and reopening) is the model's; this
/// only reads and writes the objects, so that every change is a `tx.update` with its event.
enum LoanLedger {
    /// The sandbox's magic value: a non-cash payment whose `reference` contains this word
    /// (any case) settles to `failed`, like a payment processor's test card numbers, so that
    /// tests and demos can produce a failure deterministically.
    static let failureWord = "fail"
    static let declinedReason = "declined by the payment provider (sandbox: the reference contains \"fail\")"

    /// What the loan's `pending` payments add up to (saturating; they never come near Int64.max).
    static func pendingTotal(of loan: Loan, _ tx: StoreTransaction) throws -> Int64 {
        try tx.objects(Payment.self, where: "loan_id", equals: loan.id.rawValue)
            .filter { $0.status == .pending }
            .reduce(Int64(0)) { sum, payment in
                let (next, overflow) = sum.addingReportingOverflow(payment.amount)
                return overflow ? Int64.max : next
            }
    }

    /// Takes a repayment on `loan` (already checked `active`): 422 when `amount` exceeds the
    /// balance less the pending payments; `cash` succeeds at once and moves the loan, other
    /// methods stay `pending` for the settler. Answers `201` with the payment.
    static func take(_ repayment: NewRepayment, on loan: Loan, _ tx: StoreTransaction) throws -> SandboxReply {
        let pending = try pendingTotal(of: loan, tx)
        try APIFailure.refusing { () throws(ModelError) in
            try loan.checkRepayment(amount: repayment.amount, pendingTotal: pending)
        }
        let payment = repayment.makePayment(id: .generate(), loan: loan, at: tx.stamp)
        let doc = try tx.insert(payment)
        if payment.status == .succeeded {
            var moved = try APIFailure.refusing { () throws(ModelError) in
                try loan.applyingPayment(payment.amount, at: tx.stamp)
            }
            try tx.update(&moved)
        }
        return .object(doc, version: payment.version, status: .created)
    }

    /// Settles one pending payment: `succeeded` (the loan's balance lowered, the schedule filled,
    /// closed at 0), or `failed` with `failure_reason` for the magic reference or a loan that can
    /// no longer take it (written off meanwhile). Does nothing if it is no longer pending.
    static func settle(paymentID: String, _ tx: StoreTransaction) throws {
        guard let payment = try tx.object(Payment.self, id: paymentID), payment.status == .pending else { return }
        guard let loan = try tx.object(Loan.self, id: payment.loanID.rawValue) else {
            return try fail(payment, reason: "the loan no longer exists", tx)
        }
        if payment.reference?.lowercased().contains(failureWord) == true {
            return try fail(payment, reason: declinedReason, tx)
        }
        let moved: Loan
        do {
            moved = try loan.applyingPayment(payment.amount, at: tx.stamp)
        } catch {
            return try fail(payment, reason: "the loan can no longer take payments: \(error.message)", tx)
        }
        var settled = try APIFailure.refusing { () throws(ModelError) in try payment.settled(succeeded: true) }
        var loanAfter = moved
        try tx.update(&settled)
        try tx.update(&loanAfter)
    }

    /// `succeeded` → `reversed` with the loan's balance and schedule restored, a closed loan
    /// reopened (§ Payments, § Precise answers). Both refusals are state (409), so the caller
    /// runs this before it reads the body's fields.
    static func reversal(of payment: Payment, _ tx: StoreTransaction) throws -> (Payment, Loan) {
        let reversed = try APIFailure.refusing { () throws(ModelError) in try payment.reversed() }
        guard let loan = try tx.object(Loan.self, id: payment.loanID.rawValue) else {
            throw APIFailure.invalidState("The payment's loan no longer exists")
        }
        let restored = try APIFailure.refusing { () throws(ModelError) in
            try loan.applyingReversal(payment.amount)
        }
        return (reversed, restored)
    }

    private static func fail(_ payment: Payment, reason: String, _ tx: StoreTransaction) throws {
        var failed = try APIFailure.refusing { () throws(ModelError) in
            try payment.settled(succeeded: false, failureReason: reason)
        }
        try tx.update(&failed)
    }
}
