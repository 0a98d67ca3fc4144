import FincoreModel

/// One demo client and everything it owns (loans, payments, payment links), consistent with one
/// another and with the contract's rules: KYC verified before any approval, every disbursed
/// loan's schedule and balance from the model's own math and its succeeded payments.
struct DemoPortfolio {
    var client: Client
    let branch: DemoBranch
    var loans: [Loan] = []
    var payments: [Payment] = []
    var links: [PaymentLink] = []

    /// Loans per client: about 3 on average, some clients with none (so that they can be deleted).
    static let loanCounts: [(Int, Int)] = [(0, 8), (1, 10), (2, 18), (3, 26), (4, 20), (5, 12), (6, 6)]

    /// The `index`-th client's portfolio. Every id and choice is drawn from `rng` in a fixed
    /// order, so the same seed and day give the same bytes.
    static func make(index: Int, clock: DemoClock, using rng: inout SeededRandom) throws -> DemoPortfolio {
        let branch = rng.weighted(DemoBranch.weighted)
        let kyc = rng.weighted(DemoLoanPlan.kycWeights)
        // Days since the client joined, skewed to older clients (the better of two draws) so
        // that most have a repayment history; loans come at least two days later.
        let since = max(rng.int(in: 20...548), rng.int(in: 20...548))
        let client = makeClient(index: index, branch: branch, kyc: kyc,
                                createdAt: clock.daysAgo(since, using: &rng), using: &rng)
        var portfolio = DemoPortfolio(client: client, branch: branch)
        let count = rng.weighted(loanCounts)
        for _ in 0..<count {
            let plan = rng.weighted(DemoLoanPlan.weights(kyc: kyc))
            try portfolio.addLoan(plan, clientDays: since, clock: clock, using: &rng)
        }
        return portfolio
    }

    /// Adds one loan of `plan`, and its payments and link, to the portfolio.
    mutating func addLoan(_ plan: DemoLoanPlan, clientDays since: Int, clock: DemoClock,
                          using rng: inout SeededRandom) throws {
        var loan = newLoan(using: &rng)
        switch plan {
        case .pending:
            loan.createdAt = clock.daysAgo(rng.int(in: 1...min(45, since - 2)), using: &rng)
            loan.updatedAt = loan.createdAt
        case .approved:
            loan.createdAt = clock.daysAgo(rng.int(in: 2...min(20, since - 2)), using: &rng)
            loan = try loan.performing(.approve, at: clock.after(loan.createdAt, DemoClock.hour...36 * DemoClock.hour,
                                                                  using: &rng))
            loan.updatedAt = loan.approvedAt ?? loan.createdAt
            loan.version = 2
        case .rejected, .withdrawn:
            loan.createdAt = clock.daysAgo(rng.int(in: 3...since - 2), using: &rng)
            let decidedAt = clock.after(loan.createdAt, 2 * DemoClock.hour...48 * DemoClock.hour, using: &rng)
            if plan == .withdrawn && client.kyc.status == .verified && rng.chance(0.3) {
                // Withdrawn after approval: the borrower changed their mind before disbursement.
                loan = try loan.performing(.approve, at: clock.after(loan.createdAt, DemoClock.hour...2 * DemoClock.hour,
                                                                      using: &rng))
                loan.version += 1
            }
            loan = try loan.performing(plan == .rejected ? .reject : .withdraw, at: decidedAt)
            loan.version += 1
            loan.updatedAt = decidedAt
        case .onTrack, .inArrears, .repaid, .writtenOff:
            var history = DemoLoanHistory(loan: loan, plan: plan, clock: clock)
            guard try history.disburse(clientDays: since, using: &rng) else {
                // Too new a client for this plan: it stays an application.
                loan.createdAt = clock.daysAgo(rng.int(in: 1...since - 2), using: &rng)
                loan.updatedAt = loan.createdAt
                loans.append(loan)
                return
            }
            try history.repay(using: &rng)
            history.addLink(using: &rng)
            loans.append(history.loan)
            payments += history.payments
            links += history.links
            return
        }
        loans.append(loan)
    }

    /// A new application of this client: terms drawn for its country, not yet dated.
    private func newLoan(using rng: inout SeededRandom) -> Loan {
        let country = branch.country
        let principal = rng.int64(in: country.principalSteps) * country.principalStep
        return Loan(
            id: .generate(using: &rng), createdAt: client.createdAt, updatedAt: client.createdAt, version: 1,
            clientID: client.id, product: rng.pick(DemoNames.products), principal: principal,
            currency: country.currency, interestRateBps: rng.int(in: 10...40) * 100,
            termMonths: rng.pick([3, 4, 6, 6, 6, 9, 12, 12, 12, 18, 24]),
            branchID: client.branchID, officerID: client.officerID)
    }
}
