import FincoreModel
import Foundation
import SQLite

/// What each kind of outbox entry does to the user's view, using the model's own rules
/// (`ClientPatch.applied`, `Loan.performing`, `Loan.applyingPayment`, …) so the offline result
/// is the one the server will compute.
///
/// Lenient by design: an entry that does not apply to the record as it now is leaves it as it
/// is. Edits were checked strictly when taken (`Replica+Edits`); here server state may have moved.
enum EntryEffects {
    static func client(_ entry: OutboxEntry, on client: Client?) throws -> Client? {
        switch entry.kind {
        case .createClient:
            guard client == nil, let id = ClientID(entry.objectID) else { return client }
            let body = try entry.decodeBody(as: NewClient.self)
            var made = body.makeClient(id: id, at: entry.createdAt)
            made.version = 0
            return made
        case .editClient:
            guard let client else { return nil }
            return try touched(entry.decodeBody(as: ClientPatch.self).applied(to: client), at: entry.createdAt)
        case .verifyKYC:
            guard let client else { return nil }
            return (try? client.verifyingKYC(at: entry.createdAt)).map { touched($0, at: entry.createdAt) } ?? client
        case .rejectKYC:
            guard let client else { return nil }
            let reason = try entry.decodeBody(as: ReasonBody.self).reason
            return (try? client.rejectingKYC(reason: reason)).map { touched($0, at: entry.createdAt) } ?? client
        default:
            return client
        }
    }

    static func loan(_ db: Database, _ entry: OutboxEntry, id: String, on loan: Loan?) throws -> Loan? {
        let now = entry.createdAt
        switch entry.kind {
        case .applyForLoan:
            guard loan == nil, let loanID = LoanID(entry.objectID) else { return loan }
            let body = try entry.decodeBody(as: NewLoan.self)
            guard let client = try ViewStore.client(db, body.clientID.rawValue) else { return nil }
            var made = body.makeLoan(id: loanID, client: client, at: now)
            made.version = 0
            return made
        case .editLoan:
            guard let loan else { return nil }
            return (try? entry.decodeBody(as: LoanPatch.self).applied(to: loan)) ?? loan
        case .approveLoan, .rejectLoan, .withdrawLoan, .disburseLoan, .writeOffLoan:
            guard let loan, let action = entry.kind.loanAction else { return loan }
            return (try? loan.performing(action, at: now)) ?? loan
        case .repay:
            guard let loan, entry.loanID == id else { return loan }
            let amount = try entry.decodeBody(as: NewRepayment.self).amount
            return (try? loan.applyingPayment(amount, at: now)) ?? loan
        case .reversePayment:
            guard let loan, entry.loanID == id, let payment = try ViewStore.payment(db, entry.objectID) else { return loan }
            return (try? loan.applyingReversal(payment.amount)) ?? loan
        default:
            return loan
        }
    }

    static func payment(_ db: Database, _ entry: OutboxEntry, on payment: Payment?) throws -> Payment? {
        switch entry.kind {
        case .repay:
            guard payment == nil, let id = PaymentID(entry.objectID), let loanID = entry.loanID,
                  let loan = try ViewStore.loan(db, loanID) else { return payment }
            var made = try entry.decodeBody(as: NewRepayment.self).makePayment(id: id, loan: loan, at: entry.createdAt)
            made.version = 0
            return made
        case .reversePayment:
            guard let payment else { return nil }
            return (try? payment.reversed()) ?? payment
        default:
            return payment
        }
    }

    static func link(_ db: Database, _ entry: OutboxEntry, on link: PaymentLink?) throws -> PaymentLink? {
        switch entry.kind {
        case .createPaymentLink:
            guard link == nil, let id = PaymentLinkID(entry.objectID) else { return link }
            let body = try entry.decodeBody(as: NewPaymentLink.self)
            guard let loan = try ViewStore.loan(db, body.loanID.rawValue) else { return nil }
            // No URL until the server makes the link; the view shows it as not yet usable.
            return PaymentLink(
                id: id, externalID: body.externalID, createdAt: entry.createdAt, updatedAt: entry.createdAt,
                version: 0, loanID: loan.id, clientID: loan.clientID, branchID: loan.branchID,
                officerID: loan.officerID, amount: body.amount, currency: loan.currency, url: "", status: .active)
        case .cancelPaymentLink:
            guard var link else { return nil }
            if link.status.canMove(to: .canceled) { link.status = .canceled }
            return link
        default:
            return link
        }
    }

    private static func touched(_ client: Client, at now: Timestamp) -> Client {
        var c = client
        c.updatedAt = max(c.updatedAt, now)
        return c
    }
}
