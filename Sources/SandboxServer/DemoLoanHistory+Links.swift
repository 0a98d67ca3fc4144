import FincoreModel

/// Payment links on demo loans: a few active loans have one, in every link status.
extension DemoLoanHistory {
    /// Maybe adds one link: `active` (expiring next week), `paid` (by the loan's latest succeeded
    /// repayment), `expired` or `canceled`.
    mutating func addLink(using rng: inout SeededRandom) {
        guard loan.status == .active, rng.chance(0.12),
              let disbursedAt = loan.disbursedAt,
              let next = loan.schedule.first(where: { $0.remaining > 0 }) else { return }
        let status = rng.weighted([(LinkStatus.active, 40), (.paid, 25), (.expired, 20), (.canceled, 15)])
        let id = PaymentLinkID.generate(using: &rng)
        var link = PaymentLink(
            id: id, createdAt: disbursedAt, updatedAt: disbursedAt, version: 1, loanID: loan.id,
            clientID: loan.clientID, branchID: loan.branchID, officerID: loan.officerID,
            amount: min(next.remaining, loan.balance), currency: loan.currency, url: PaymentLinkEndpoints.url(of: id), status: status)
        let week = 7 * DemoClock.day
        switch status {
        case .active:
            link.createdAt = clock.limit.adding(microseconds: -rng.int64(in: DemoClock.hour...5 * DemoClock.day))
            link.updatedAt = link.createdAt
            link.expiresAt = link.createdAt.adding(microseconds: week)
        case .paid:
            // Paid by the latest succeeded repayment: same amount, paid when it was made.
            guard let payment = payments.last(where: { $0.type == .repayment && $0.status == .succeeded })
            else { return }
            link.amount = payment.amount
            link.createdAt = max(disbursedAt, payment.createdAt.adding(
                microseconds: -rng.int64(in: 5 * DemoClock.minute...2 * DemoClock.hour)))
            link.expiresAt = link.createdAt.adding(microseconds: week)
            link.paidAt = payment.createdAt
            link.updatedAt = payment.createdAt
            link.version = 2
        case .expired:
            link.createdAt = clock.limit.adding(microseconds: -rng.int64(in: 10 * DemoClock.day...60 * DemoClock.day))
            link.expiresAt = link.createdAt.adding(microseconds: week)
            link.updatedAt = link.createdAt.adding(microseconds: week)
            link.version = 2
        case .canceled:
            link.createdAt = clock.limit.adding(microseconds: -rng.int64(in: DemoClock.day...30 * DemoClock.day))
            link.expiresAt = link.createdAt.adding(microseconds: week)
            link.updatedAt = link.createdAt.adding(microseconds: rng.int64(in: DemoClock.hour...20 * DemoClock.hour))
            link.version = 2
        }
        guard link.createdAt >= disbursedAt else { return }
        links.append(link)
    }
}
