/// Spreading a payment over a schedule, and undoing it.
///
/// Allocation fills the oldest unpaid instalments first (contract § Loans); a reversal takes
/// back from the newest paid first. Both keep the schedule "prefix-filled" (full instalments,
/// then at most one partial, then unpaid ones), so the `paid` column is a function of the
/// total paid alone: `reverse(a, allocate(a, s)) == s` exactly, and reversing any payment
/// (not only the latest) gives the schedule the remaining total implies.
extension LoanSchedule {
    /// The schedule after a payment of `amount`; `amount_exceeds_balance` if more than is owed.
    public static func allocate(_ amount: Int64, to schedule: [Instalment]) throws(ModelError) -> [Instalment] {
        guard amount > 0 else { throw ModelError(.invalidArgument, "must be greater than zero", field: "amount") }
        guard amount <= outstanding(schedule) else {
            throw ModelError(.amountExceedsBalance, "must not exceed the loan's balance", field: "amount")
        }
        var left = amount
        var result = schedule
        for i in result.indices where left > 0 {
            let take = min(left, result[i].remaining)
            if take > 0 {
                result[i].paid += take
                left -= take
            }
        }
        return result
    }

    /// The schedule after a reversal of `amount`; `invalid_argument` if more than was paid.
    public static func reverse(_ amount: Int64, from schedule: [Instalment]) throws(ModelError) -> [Instalment] {
        guard amount > 0 else { throw ModelError(.invalidArgument, "must be greater than zero", field: "amount") }
        guard amount <= totalPaid(schedule) else {
            throw ModelError(.invalidArgument, "must not exceed what was paid", field: "amount")
        }
        var left = amount
        var result = schedule
        for i in result.indices.reversed() where left > 0 {
            let take = min(left, result[i].paid)
            result[i].paid -= take
            left -= take
        }
        return result
    }

    /// What is still owed on `schedule` (saturating: a valid schedule never comes near Int64.max).
    public static func outstanding(_ schedule: [Instalment]) -> Int64 {
        schedule.reduce(Int64(0)) { sum, item in
            let (next, overflow) = sum.addingReportingOverflow(max(0, item.remaining))
            return overflow ? Int64.max : next
        }
    }

    /// What has been paid on `schedule`.
    public static func totalPaid(_ schedule: [Instalment]) -> Int64 {
        schedule.reduce(Int64(0)) { sum, item in
            let (next, overflow) = sum.addingReportingOverflow(item.paid)
            return overflow ? Int64.max : next
        }
    }
}
