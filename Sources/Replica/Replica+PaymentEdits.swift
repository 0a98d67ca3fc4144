import FincoreModel
import SQLite

/// Offline repayments, reversals and payment links (contract § Loans, repayments; § Payments).
extension Replica {
    /// Takes a repayment on an `active` loan. It is listed at once as a payment with a local id,
    /// and the loan's displayed balance drops by its amount. The amount may not exceed the
    /// balance left after the loan's pending payments (those offline included, since the view's
    /// balance already counts them).
    public func repay(_ loanID: LoanID, _ body: NewRepayment) throws -> Saved<Payment> {
        let now = clock()
        var body = body
        if body.externalID == nil { body.externalID = LocalID.makeExternalID() }
        return try transaction { db in
            let loanID = try Aliases.resolve(db, loanID.rawValue)
            guard let loan = try ViewStore.loan(db, loanID) else { throw ReplicaError.notFound(.loan, loanID) }
            var check = EditCheck()
            check.add(body.validate())
            Self.checkState(.repay, loan, &check)
            if LoanAction.repay.isAllowed(from: loan.status), body.amount > 0 {
                let pendingTotal = try Self.serverPendingTotal(db, loanID)
                do throws(ModelError) {
                    try loan.checkRepayment(amount: body.amount, pendingTotal: pendingTotal)
                } catch {
                    check.add(error, field: "amount")
                }
            }
            try check.throwIfRefused("repayment")
            guard let id = LocalID.generate(PaymentKind.self) else {
                throw ReplicaError(.invalidObject, "could not make a local payment id")
            }
            let draft = EntryDraft(kind: .repay, objectID: id.rawValue, loanID: loanID, clientID: loan.clientID.rawValue,
                                   body: try JSONStore.text(body))
            let seq = try OutboxStore.enqueue(db, draft, at: now)
            return Saved(value: try rebuiltPayment(db, draft), seq: seq)
        }
    }

    /// Reverses a `succeeded` repayment with a reason; the loan's balance comes back.
    public func reversePayment(_ id: PaymentID, reason: String) throws -> Saved<Payment> {
        let now = clock()
        let body = ReasonBody(reason: reason)
        return try transaction { db in
            let id = try Aliases.resolve(db, id.rawValue)
            guard let payment = try ViewStore.payment(db, id) else { throw ReplicaError.notFound(.payment, id) }
            var check = EditCheck()
            check.add(body.validate())
            let loan = try ViewStore.loan(db, payment.loanID.rawValue)
            do throws(ModelError) {
                _ = try payment.reversed()
                _ = try loan?.applyingReversal(payment.amount)
            } catch {
                check.add(error, field: "status")
            }
            try check.throwIfRefused("reversal")
            let version = try ServerStore.version(db, type: .payment, id: id) ?? 0
            let draft = EntryDraft(
                kind: .reversePayment, objectID: id, loanID: payment.loanID.rawValue, clientID: payment.clientID.rawValue,
                baseVersion: version > 0 ? version : nil, baseJSON: try ServerStore.json(db, type: .payment, id: id),
                body: try JSONStore.text(body))
            let seq = try OutboxStore.enqueue(db, draft, at: now)
            return Saved(value: try rebuiltPayment(db, draft), seq: seq)
        }
    }

    /// Creates a payment link for an `active` loan, for at most its displayed balance.
    public func createPaymentLink(_ body: NewPaymentLink) throws -> Saved<PaymentLink> {
        let now = clock()
        var body = body
        if body.externalID == nil { body.externalID = LocalID.makeExternalID() }
        return try transaction { db in
            var check = EditCheck()
            check.add(body.validate())
            let loanID = try Aliases.resolve(db, body.loanID.rawValue)
            let loan = try ViewStore.loan(db, loanID)
            if let loan, let resolved = LoanID(loanID) {
                body.loanID = resolved
                if loan.status != .active {
                    check.state("cannot create a payment link for a loan that is \(loan.status.rawValue)", field: "status")
                } else if body.amount > loan.balance {
                    check.add(ModelError(.amountExceedsBalance, "must not exceed the loan's balance", field: "amount"),
                              field: "amount")
                }
            } else {
                check.add(FieldError(field: "loan_id", message: "is not a loan in this replica"))
            }
            try check.throwIfRefused("payment link")
            guard let loan, let id = LocalID.generate(PaymentLinkKind.self) else {
                throw ReplicaError(.invalidObject, "could not make a local payment link id")
            }
            let draft = EntryDraft(kind: .createPaymentLink, objectID: id.rawValue, loanID: loanID,
                                   clientID: loan.clientID.rawValue, body: try JSONStore.text(body))
            let seq = try OutboxStore.enqueue(db, draft, at: now)
            return Saved(value: try rebuiltLink(db, id.rawValue), seq: seq)
        }
    }

    /// Cancels an `active` payment link.
    public func cancelPaymentLink(_ id: PaymentLinkID) throws -> Saved<PaymentLink> {
        let now = clock()
        return try transaction { db in
            let id = try Aliases.resolve(db, id.rawValue)
            guard let link = try ViewStore.link(db, id) else { throw ReplicaError.notFound(.paymentLink, id) }
            var check = EditCheck()
            if !link.status.canMove(to: .canceled) {
                check.state("cannot cancel a payment link that is \(link.status.rawValue)", field: "status")
            }
            try check.throwIfRefused("payment link cancellation")
            let version = try ServerStore.version(db, type: .paymentLink, id: id) ?? 0
            let draft = EntryDraft(
                kind: .cancelPaymentLink, objectID: id, loanID: link.loanID.rawValue, clientID: link.clientID.rawValue,
                baseVersion: version > 0 ? version : nil, baseJSON: try ServerStore.json(db, type: .paymentLink, id: id),
                body: "{}")
            let seq = try OutboxStore.enqueue(db, draft, at: now)
            return Saved(value: try rebuiltLink(db, id), seq: seq)
        }
    }

    /// The loan's payments the server holds as `pending` with no offline change on top: they
    /// are not in its balance yet, and the contract counts them against a new repayment.
    static func serverPendingTotal(_ db: Database, _ loanID: String) throws -> Int64 {
        try db.fetchOne(Int64.self, sql: """
            SELECT coalesce(sum(amount), 0) FROM payments
            WHERE loan_id = ? AND status = 'pending' AND server_json IS NOT NULL AND pending = 0
            """, arguments: [loanID]) ?? 0
    }

    private func rebuiltPayment(_ db: Database, _ draft: EntryDraft) throws -> Payment {
        try ViewRebuilder.rebuild(db, type: .payment, id: draft.objectID)
        if let loan = draft.loanID { try ViewRebuilder.rebuild(db, type: .loan, id: loan) }
        guard let payment = try ViewStore.payment(db, draft.objectID) else {
            throw ReplicaError.notFound(.payment, draft.objectID)
        }
        return payment
    }

    private func rebuiltLink(_ db: Database, _ id: String) throws -> PaymentLink {
        try ViewRebuilder.rebuild(db, type: .paymentLink, id: id)
        guard let link = try ViewStore.link(db, id) else { throw ReplicaError.notFound(.paymentLink, id) }
        return link
    }
}
