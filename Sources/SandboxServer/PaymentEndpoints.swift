import FincoreModel
import Foundation

/// `/v1/payments` and `/v1/disbursements`: listing, a repayment naming its loan, and
/// reversals (contract § Payments).
enum PaymentEndpoints {
    static let filters = [
        ListQuery.Filter("loan_id"), ListQuery.Filter("client_id"),
        ListQuery.Filter("branch_id"), ListQuery.Filter("officer_id"),
        ListQuery.Filter("status", allowed: PaymentStatus.allCases.map(\.rawValue)),
        ListQuery.Filter("type", allowed: PaymentType.allCases.map(\.rawValue)),
    ]

    static var routes: [SandboxRoute] {
        [
            SandboxRoute(.get, "/v1/payments", .read) { request, tx in
                try list(Payment.self, filters: filters, request, tx)
            },
            SandboxRoute(.post, "/v1/payments", .write, create),
            SandboxRoute(.get, "/v1/payments/{id}", .read) { request, tx in
                try show(Payment.self, request, tx)
            },
            SandboxRoute(.post, "/v1/payments/{id}/reverse", .write, reverse),
            // § Payments: "same as GET /v1/payments?type=disbursement", so the same filters too.
            SandboxRoute(.get, "/v1/disbursements", .read) { request, tx in
                try list(Payment.self, filters: filters, request, tx,
                         fixed: [("type", PaymentType.disbursement.rawValue)])
            },
        ]
    }

    /// `POST /v1/payments {loan_id, …}`: the same as `POST /v1/loans/{loan_id}/repayments`, with
    /// the loan named in the body: a missing one is 400 naming `loan_id`; an existing one's state
    /// is checked (409) before the body's fields, as for a repayment.
    static func create(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        try refuseTakenExternalID(Payment.self, request, tx)
        let found = try BodyReference.find(Loan.self, field: "loan_id", request, tx)
        if let found { try LoanEndpoints.checkAllowed(.repay, found) }
        let (body, loan) = try BodyReference.decode(NewPayment.self, referencing: found, field: "loan_id", request)
        return try LoanLedger.take(body.repayment, on: loan, tx)
    }

    /// `reverse {reason}`: only a `succeeded` repayment (409 otherwise), then the reason (400);
    /// the payment becomes `reversed` and the loan gets its balance back, reopening if closed.
    static func reverse(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        let (current, json) = try existing(Payment.self, request, tx)
        try request.checkIfMatch(version: current.version, current: json)
        var (payment, loan) = try LoanLedger.reversal(of: current, tx)
        // The reason is required and checked; a payment has no field to keep it (§ Payments).
        _ = try request.decode(ReasonBody.self)
        let doc = try tx.update(&payment)
        try tx.update(&loan)
        return .object(doc, version: payment.version)
    }
}
