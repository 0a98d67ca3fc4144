import FincoreModel

/// One change a background writer makes, in one store transaction, through the same
/// `StoreTransaction` calls the API's endpoints use (`insert`, `update`, `delete`), so versions,
/// `updated_at` and tombstones follow the contract.
enum WriterAction: String, CaseIterable, Sendable {
    case createClient = "create_client"
    case editClient = "edit_client"
    /// Deletes a client without loans (a tombstone, like `DELETE /v1/clients/{id}`).
    case deleteClient = "delete_client"
    /// Moves a client to another officer or branch, its loans, payments and links with it.
    case moveClient = "move_client"
    /// A cash repayment on an active loan: succeeds at once (contract § Loans).
    case cashRepayment = "cash_repayment"
    /// Settles a pending payment: `succeeded` (the loan's balance moves) or `failed`.
    case settlePayment = "settle_payment"

    /// How often each action is drawn.
    static let weights: [(WriterAction, Int)] = [
        (.createClient, 15), (.editClient, 25), (.deleteClient, 10), (.moveClient, 20),
        (.cashRepayment, 20), (.settlePayment, 10),
    ]

    /// Performs the action; false when there was nothing to act on (no such object).
    func perform(_ tx: StoreTransaction, using rng: inout SeededRandom) throws -> Bool {
        switch self {
        case .createClient: return try createClient(tx, using: &rng)
        case .editClient: return try editClient(tx, using: &rng)
        case .deleteClient: return try deleteClient(tx, using: &rng)
        case .moveClient: return try moveClient(tx, using: &rng)
        case .cashRepayment: return try cashRepayment(tx, using: &rng)
        case .settlePayment: return try settlePayment(tx, using: &rng)
        }
    }

    private func createClient(_ tx: StoreTransaction, using rng: inout SeededRandom) throws -> Bool {
        let branch = rng.weighted(DemoBranch.weighted)
        let client = Client(
            id: .generate(), createdAt: tx.stamp, updatedAt: tx.stamp, version: 1,
            firstName: rng.pick(DemoNames.firstNames).text, lastName: rng.pick(DemoNames.lastNames).text,
            phone: branch.country.phonePrefix + rng.characters(8, from: SeededRandom.digits),
            branchID: branch.id, officerID: rng.pick(branch.officers),
            kyc: KYC(status: .pending, idType: .nationalID, idNumber: rng.characters(8, from: SeededRandom.digits)))
        _ = try tx.insert(client)
        return true
    }

    private func editClient(_ tx: StoreTransaction, using rng: inout SeededRandom) throws -> Bool {
        guard let id = try Self.randomID(.client, tx, using: &rng),
              var client = try tx.object(Client.self, id: id) else { return false }
        if rng.chance(0.5) {
            client.phone = Self.branch(of: client).country.phonePrefix
                + rng.characters(8, from: SeededRandom.digits)
        } else {
            client.lastName = rng.pick(DemoNames.lastNames).text
        }
        try tx.update(&client)
        return true
    }

    private func deleteClient(_ tx: StoreTransaction, using rng: inout SeededRandom) throws -> Bool {
        guard let id = try Self.randomClientWithoutLoans(tx, using: &rng),
              let client = try tx.object(Client.self, id: id),
              try tx.objects(Loan.self, where: "client_id", equals: id).isEmpty else { return false }
        // As DELETE /v1/clients/{id}: links go with the client (a client without loans has none).
        for link in try tx.objects(PaymentLink.self, where: "client_id", equals: id) {
            try tx.delete(link)
        }
        try tx.delete(client)
        return true
    }

    private func moveClient(_ tx: StoreTransaction, using rng: inout SeededRandom) throws -> Bool {
        guard let id = try Self.randomID(.client, tx, using: &rng),
              var client = try tx.object(Client.self, id: id) else { return false }
        var branch = Self.branch(of: client)
        if rng.chance(0.3), !branch.neighbours.isEmpty {
            branch = rng.pick(branch.neighbours)
        }
        let officers = branch.officers.filter { $0 != client.officerID }
        client.branchID = branch.id
        client.officerID = rng.pick(officers.isEmpty ? branch.officers : officers)
        try tx.update(&client)
        // Contract § Incremental listing: dependents move in the same commit, each re-versioned.
        try ClientEndpoints.moveDependents(of: client, tx)
        return true
    }

    private func cashRepayment(_ tx: StoreTransaction, using rng: inout SeededRandom) throws -> Bool {
        guard let id = try Self.randomID(.loan, status: LoanStatus.active.rawValue, tx, using: &rng),
              var loan = try tx.object(Loan.self, id: id),
              let next = loan.schedule.first(where: { $0.remaining > 0 }) else { return false }
        let pending = try tx.objects(Payment.self, where: "loan_id", equals: id)
            .filter { $0.status == .pending }.reduce(Int64(0)) { $0 + $1.amount }
        let amount = min(next.remaining, loan.balance - pending)
        guard amount > 0 else { return false }
        try loan.checkRepayment(amount: amount, pendingTotal: pending)
        let payment = Payment(
            id: .generate(), createdAt: tx.stamp, updatedAt: tx.stamp, version: 1, type: .repayment,
            loanID: loan.id, clientID: loan.clientID, branchID: loan.branchID, officerID: loan.officerID,
            amount: amount, currency: loan.currency, method: .cash,
            reference: "RCPT-" + rng.characters(6, from: SeededRandom.digits), status: .succeeded)
        loan = try loan.applyingPayment(amount, at: tx.stamp)
        _ = try tx.insert(payment)
        try tx.update(&loan)
        return true
    }

    private func settlePayment(_ tx: StoreTransaction, using rng: inout SeededRandom) throws -> Bool {
        guard let id = try Self.recentPendingPaymentID(tx),
              var payment = try tx.object(Payment.self, id: id),
              var loan = try tx.object(Loan.self, id: payment.loanID.rawValue) else { return false }
        if rng.chance(0.85), loan.status == .active, payment.amount <= loan.balance {
            payment = try payment.settled(succeeded: true)
            loan = try loan.applyingPayment(payment.amount, at: tx.stamp)
            try tx.update(&loan)
        } else {
            payment = try payment.settled(succeeded: false, failureReason: rng.pick(DemoNames.mobileMoneyFailures))
        }
        try tx.update(&payment)
        return true
    }

    /// The demo branch a client belongs to (the first branch for one the demo does not know).
    static func branch(of client: Client) -> DemoBranch {
        DemoBranch.all.first { $0.id == client.branchID } ?? DemoBranch.all[0]
    }
}
