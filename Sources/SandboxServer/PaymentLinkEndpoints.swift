import FincoreModel
import Foundation

/// `/v1/payment_links`: hosted links where a client pays towards a loan (contract § Payments).
///
/// Paying through a link is not part of the contract, so nothing here moves a link to `paid`;
/// the `PaymentSettler` moves links past `expires_at` to `expired`.
enum PaymentLinkEndpoints {
    /// How long a new link stays `active`: 7 days (the contract leaves it to the server).
    static let lifetimeSeconds: Int64 = 7 * 24 * 60 * 60

    static let filters = [
        ListQuery.Filter("loan_id"), ListQuery.Filter("client_id"),
        ListQuery.Filter("branch_id"), ListQuery.Filter("officer_id"),
        ListQuery.Filter("status", allowed: LinkStatus.allCases.map(\.rawValue)),
    ]

    static var routes: [SandboxRoute] {
        [
            SandboxRoute(.get, "/v1/payment_links", .read) { request, tx in
                try list(PaymentLink.self, filters: filters, request, tx)
            },
            SandboxRoute(.post, "/v1/payment_links", .write, create),
            SandboxRoute(.get, "/v1/payment_links/{id}", .read) { request, tx in
                try show(PaymentLink.self, request, tx)
            },
            SandboxRoute(.post, "/v1/payment_links/{id}/cancel", .write, cancel),
        ]
    }

    /// `{loan_id, amount, external_id?}` → 201 `active`, in the loan's currency and scope.
    ///
    /// The sandbox asks what it asks of a repayment: the loan `active` (409 first), the amount
    /// within its balance (422 naming `amount`). A missing loan is 400 naming `loan_id`.
    static func create(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        try refuseTakenExternalID(PaymentLink.self, request, tx)
        let found = try BodyReference.find(Loan.self, field: "loan_id", request, tx)
        if let found { try LoanEndpoints.checkAllowed(.repay, found) }
        let (body, loan) = try BodyReference.decode(NewPaymentLink.self, referencing: found, field: "loan_id", request)
        guard body.amount <= loan.balance else {
            throw APIFailure.amountExceedsBalance("must not exceed the loan's balance")
        }
        let id = PaymentLinkID.generate()
        let link = PaymentLink(
            id: id, externalID: body.externalID, createdAt: tx.stamp, updatedAt: tx.stamp,
            loanID: loan.id, clientID: loan.clientID, branchID: loan.branchID, officerID: loan.officerID,
            amount: body.amount, currency: loan.currency, url: url(of: id), status: .active,
            expiresAt: tx.stamp.adding(seconds: lifetimeSeconds))
        return .object(try tx.insert(link), version: link.version, status: .created)
    }

    /// `cancel`: only an `active` link (409 otherwise); answers 200 with the link.
    static func cancel(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        let (current, json) = try existing(PaymentLink.self, request, tx)
        try request.checkIfMatch(version: current.version, current: json)
        guard current.status.canMove(to: .canceled) else {
            throw APIFailure.invalidState("The payment link is \(current.status.rawValue); only an active link can be canceled")
        }
        var link = current
        link.status = .canceled
        return .object(try tx.update(&link), version: link.version)
    }

    /// Where a link points: a name under the reserved `.test` domain (RFC 6761), stable for the
    /// link. The sandbox serves no page there: paying a link is outside the contract.
    static func url(of id: PaymentLinkID) -> String {
        "https://pay.fincore.test/\(id.rawValue)"
    }
}
