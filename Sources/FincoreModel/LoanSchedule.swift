/// The repayment schedule rule of the contract, so that server and agent compute the same numbers.
///
/// Contract § Loans, "The schedule": `term_months` monthly instalments due on the disbursement
/// date plus k months (k = 1…term, clamped to the month's last day); total interest =
/// ⌊principal × interest_rate_bps × term_months / 120000⌋; each `principal_due` is
/// ⌊principal / term⌋ and each `interest_due` ⌊total interest / term⌋, the remainders on the
/// last instalment; at disbursement `balance` = principal + total interest.
public enum LoanSchedule {
    /// ⌊principal × rateBps × termMonths / 120000⌋, exact in 128 bits; `overflow` if the
    /// result does not fit Int64.
    public static func totalInterest(principal: Int64, rateBps: Int, termMonths: Int) throws(ModelError) -> Int64 {
        try checkTerms(principal: principal, rateBps: rateBps, termMonths: termMonths)
        // rate × term ≤ 10000 × 120, so only the product with the principal needs 128 bits.
        let factor = UInt64(rateBps * termMonths)
        let (high, low) = UInt64(principal).multipliedFullWidth(by: factor)
        // dividingFullWidth traps when the quotient exceeds 64 bits, i.e. when high ≥ divisor.
        guard high < 120_000 else { throw overflow }
        let (quotient, _) = UInt64(120_000).dividingFullWidth((high, low))
        guard let interest = Int64(exactly: quotient) else { throw overflow }
        return interest
    }

    /// The instalments of a loan disbursed on `disbursedOn` (the UTC date of `disbursed_at`).
    public static func instalments(
        principal: Int64, rateBps: Int, termMonths: Int, disbursedOn: CivilDate
    ) throws(ModelError) -> [Instalment] {
        let interest = try totalInterest(principal: principal, rateBps: rateBps, termMonths: termMonths)
        _ = try balance(principal: principal, totalInterest: interest)
        let term = Int64(termMonths)
        let principalEach = principal / term
        let interestEach = interest / term
        return (1...termMonths).map { k in
            let isLast = k == termMonths
            return Instalment(
                dueDate: disbursedOn.adding(months: k),
                principalDue: isLast ? principal - principalEach * (term - 1) : principalEach,
                interestDue: isLast ? interest - interestEach * (term - 1) : interestEach)
        }
    }

    /// principal + total interest, the balance at disbursement; `overflow` if it does not fit.
    public static func balance(principal: Int64, totalInterest: Int64) throws(ModelError) -> Int64 {
        let (sum, overflowed) = principal.addingReportingOverflow(totalInterest)
        if overflowed { throw overflow }
        return sum
    }

    private static func checkTerms(principal: Int64, rateBps: Int, termMonths: Int) throws(ModelError) {
        if let e = Validation.positiveAmount(principal, field: "principal")
            ?? Validation.interestRateBps(rateBps) ?? Validation.termMonths(termMonths) {
            throw ModelError(.invalidArgument, e.message, field: e.field)
        }
    }

    private static var overflow: ModelError {
        ModelError(.overflow, "principal and interest are too large to schedule", field: "principal")
    }
}
