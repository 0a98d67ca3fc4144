import FincoreModel
import Foundation

/// `/v1/loans`: applications, edits while pending, and (in `LoanEndpoints+Actions`) the state
/// actions and repayments (contract § Loans).
enum LoanEndpoints {
    static let filters = [
        ListQuery.Filter("client_id"), ListQuery.Filter("branch_id"), ListQuery.Filter("officer_id"),
        ListQuery.Filter("status", allowed: LoanStatus.allCases.map(\.rawValue)),
    ]

    static var routes: [SandboxRoute] {
        [
            SandboxRoute(.get, "/v1/loans", .read) { request, tx in
                try list(Loan.self, filters: filters, request, tx)
            },
            SandboxRoute(.post, "/v1/loans", .write, create),
            SandboxRoute(.get, "/v1/loans/{id}", .read) { request, tx in
                try show(Loan.self, request, tx)
            },
            SandboxRoute(.patch, "/v1/loans/{id}", .write, patch),
            SandboxRoute(.post, "/v1/loans/{id}/repayments", .write, repay),
        ] + actions.map { action in
            SandboxRoute(.post, "/v1/loans/{id}/\(action.rawValue)", .write) { request, tx in
                try act(action, request, tx)
            }
        }
    }

    /// An application: `pending`, balance 0, no schedule, the client's branch and officer.
    /// A `client_id` naming no client is 400 naming `client_id` (§ Precise answers).
    static func create(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        try refuseTakenExternalID(Loan.self, request, tx)
        let found = try BodyReference.find(Client.self, field: "client_id", request, tx)
        let (body, client) = try BodyReference.decode(NewLoan.self, referencing: found, field: "client_id", request)
        let loan = body.makeLoan(id: .generate(), client: client, at: tx.stamp)
        return .object(try tx.insert(loan), version: loan.version, status: .created)
    }

    /// Edits the terms of a `pending` application; any other status is 409 before the body is read.
    static func patch(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        let (current, json) = try existing(Loan.self, request, tx)
        try request.checkIfMatch(version: current.version, current: json)
        try checkAllowed(.edit, current)
        let body = try request.decode(LoanPatch.self)
        var loan = try APIFailure.refusing { () throws(ModelError) in try body.applied(to: current) }
        return .object(try tx.update(&loan), version: loan.version)
    }

    /// `POST /v1/loans/{id}/repayments`: 404, 412, a taken `external_id` (409 with the payment
    /// made offline, so a retry after the loan closed still finds it), state (409 unless
    /// `active`, whatever the amount), then the fields (400) and the balance (422).
    static func repay(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        let (loan, json) = try existing(Loan.self, request, tx)
        try request.checkIfMatch(version: loan.version, current: json)
        try refuseTakenExternalID(Payment.self, request, tx)
        try checkAllowed(.repay, loan)
        let body = try request.decode(NewRepayment.self)
        return try LoanLedger.take(body, on: loan, tx)
    }

    /// 409 `invalid_state` unless the state machine allows `action` on `loan` now.
    static func checkAllowed(_ action: LoanAction, _ loan: Loan) throws(APIFailure) {
        _ = try APIFailure.refusing { () throws(ModelError) in try action.target(from: loan.status) }
    }
}
