import FincoreModel
import Foundation

/// The loan's state actions: approve, reject, withdraw, disburse, write_off (contract § Loans).
extension LoanEndpoints {
    /// The actions that have a route of their own, `POST /v1/loans/{id}/<raw value>`.
    static let actions: [LoanAction] = [.approve, .reject, .withdraw, .disburse, .writeOff]

    /// One action in the contract's order of checks: the loan (404), `If-Match` (412), the
    /// state machine (409), the action's own condition (approval's KYC, 409), the body (400).
    /// Answers 200 with the loan; every change is one `tx.update` (version + 1, `loan.updated`).
    static func act(_ action: LoanAction, _ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        let (current, json) = try existing(Loan.self, request, tx)
        try request.checkIfMatch(version: current.version, current: json)
        try checkAllowed(action, current)
        switch action {
        case .approve:
            try requireVerifiedKYC(of: current, tx)
        case .reject, .writeOff:
            // The reason is required and checked; the loan has no field to keep it (§ Loans).
            _ = try request.decode(ReasonBody.self)
        case .disburse:
            return try disburse(current, request, tx)
        case .withdraw, .repay, .edit:
            break
        }
        var loan = try APIFailure.refusing { () throws(ModelError) in try current.performing(action, at: tx.stamp) }
        return .object(try tx.update(&loan), version: loan.version)
    }

    /// Approval needs the client's KYC `verified` (§ Loans: "to approve, not to apply").
    private static func requireVerifiedKYC(of loan: Loan, _ tx: StoreTransaction) throws {
        guard let client = try tx.object(Client.self, id: loan.clientID.rawValue) else {
            throw APIFailure.invalidState("The loan's client no longer exists")
        }
        guard client.kyc.status == .verified else {
            throw APIFailure.invalidState(
                "The client's KYC is \(client.kyc.status.rawValue); it must be verified before the loan is approved")
        }
    }

    /// `disburse {method}`: the loan `active` with its schedule from the UTC date of disbursement
    /// and balance principal + interest (the model's `disbursed(at:)`), and a payment of type
    /// `disbursement` for the principal that succeeds at once whatever its method (§ Precise answers).
    private static func disburse(_ current: Loan, _ request: SandboxRequest,
                                 _ tx: StoreTransaction) throws -> SandboxReply {
        let body = try request.decode(DisburseRequest.self)
        var loan = try APIFailure.refusing { () throws(ModelError) in try current.disbursed(at: tx.stamp) }
        let doc = try tx.update(&loan)
        let payment = Payment(
            id: .generate(), createdAt: tx.stamp, updatedAt: tx.stamp, type: .disbursement,
            loanID: loan.id, clientID: loan.clientID, branchID: loan.branchID, officerID: loan.officerID,
            amount: loan.principal, currency: loan.currency, method: body.method,
            status: PaymentStatus.initial(for: .disbursement, method: body.method))
        _ = try tx.insert(payment)
        return .object(doc, version: loan.version)
    }
}
