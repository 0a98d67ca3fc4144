import FincoreModel
import SQLite

/// Offline loan applications and loan actions, checked with the model's state machine against
/// the local view (contract § Loans, "States and actions").
extension Replica {
    /// Applies for a loan for a client of the replica (one created offline included).
    public func applyForLoan(_ body: NewLoan) throws -> Saved<Loan> {
        let now = clock()
        var body = body
        if body.externalID == nil { body.externalID = LocalID.makeExternalID() }
        return try transaction { db in
            var check = EditCheck()
            check.add(body.validate())
            let clientID = try Aliases.resolve(db, body.clientID.rawValue)
            if let resolved = ClientID(clientID), try ViewStore.client(db, clientID) != nil {
                body.clientID = resolved
            } else {
                check.add(FieldError(field: "client_id", message: "is not a client in this replica"))
            }
            try check.throwIfRefused("loan application")
            guard let id = LocalID.generate(LoanKind.self) else {
                throw ReplicaError(.invalidObject, "could not make a local loan id")
            }
            // After the client's own pending entries: its create, if it was registered offline.
            let draft = EntryDraft(kind: .applyForLoan, objectID: id.rawValue, clientID: clientID,
                                   body: try JSONStore.text(body), alsoAfter: [clientID])
            let seq = try OutboxStore.enqueue(db, draft, at: now)
            return Saved(value: try rebuiltLoan(db, id.rawValue), seq: seq)
        }
    }

    /// Changes a `pending` application's terms; a second edit before the push merges into the first.
    public func editLoan(_ id: LoanID, _ patch: LoanPatch) throws -> Saved<Loan> {
        try loanEdit(id, kind: .editLoan, body: try JSONStore.text(patch)) { db, loan, check in
            check.add(patch.validate())
            if patch == LoanPatch() { check.add(FieldError(field: "", message: "nothing to change", code: .required)) }
            if !LoanAction.edit.isAllowed(from: loan.status) {
                check.state("cannot edit a loan that is \(loan.status.rawValue)", field: "status")
            }
        }
    }

    /// Approves a `pending` application; the client's KYC must be verified (in the local view).
    public func approveLoan(_ id: LoanID) throws -> Saved<Loan> {
        try loanEdit(id, kind: .approveLoan, body: "{}") { db, loan, check in
            Self.checkState(.approve, loan, &check)
            let kyc = try ViewStore.client(db, loan.clientID.rawValue)?.kyc.status
            if kyc != .verified {
                check.state("the client's KYC must be verified to approve (it is \(kyc?.rawValue ?? "unknown"))",
                            field: "kyc.status")
            }
        }
    }

    /// Rejects a `pending` application with a reason.
    public func rejectLoan(_ id: LoanID, reason: String) throws -> Saved<Loan> {
        let body = ReasonBody(reason: reason)
        return try loanEdit(id, kind: .rejectLoan, body: try JSONStore.text(body)) { _, loan, check in
            Self.checkState(.reject, loan, &check)
            check.add(body.validate())
        }
    }

    /// Withdraws a `pending` or `approved` application.
    public func withdrawLoan(_ id: LoanID) throws -> Saved<Loan> {
        try loanEdit(id, kind: .withdrawLoan, body: "{}") { _, loan, check in Self.checkState(.withdraw, loan, &check) }
    }

    /// Disburses an `approved` loan; the view shows the schedule the server will compute.
    public func disburseLoan(_ id: LoanID, method: PaymentMethod) throws -> Saved<Loan> {
        try loanEdit(id, kind: .disburseLoan, body: try JSONStore.text(DisburseRequest(method: method))) { _, loan, check in
            Self.checkState(.disburse, loan, &check)
        }
    }

    /// Writes off an `active` loan with a reason.
    public func writeOffLoan(_ id: LoanID, reason: String) throws -> Saved<Loan> {
        let body = ReasonBody(reason: reason)
        return try loanEdit(id, kind: .writeOffLoan, body: try JSONStore.text(body)) { _, loan, check in
            Self.checkState(.writeOff, loan, &check)
            check.add(body.validate())
        }
    }

    static func checkState(_ action: LoanAction, _ loan: Loan, _ check: inout EditCheck) {
        if !action.isAllowed(from: loan.status) {
            check.state("cannot \(action.verb) a loan that is \(loan.status.rawValue)", field: "status")
        }
    }

    private func loanEdit(
        _ id: LoanID, kind: OutboxKind, body: String, rules: (Database, Loan, inout EditCheck) throws -> Void
    ) throws -> Saved<Loan> {
        let now = clock()
        return try transaction { db in
            let id = try Aliases.resolve(db, id.rawValue)
            guard let loan = try ViewStore.loan(db, id) else { throw ReplicaError.notFound(.loan, id) }
            var check = EditCheck()
            try rules(db, loan, &check)
            try check.throwIfRefused(kind.rawValue.replacingOccurrences(of: "_", with: " "))
            let seq: Int64
            if kind == .editLoan, let last = try OutboxStore.latestUnfinished(db, touching: id), last.state == .pending,
               last.kind == .editLoan || last.kind == .applyForLoan {
                let patch = try JSONStore.decode(LoanPatch.self, body)
                let merged = last.kind == .editLoan
                    ? try JSONStore.text(Self.merge(try last.decodeBody(as: LoanPatch.self), patch))
                    : try JSONStore.text(Self.merge(try last.decodeBody(as: NewLoan.self), patch))
                try OutboxStore.replaceBody(db, seq: last.seq, body: merged, at: now)
                seq = last.seq
            } else {
                let version = try ServerStore.version(db, type: .loan, id: id) ?? 0
                var draft = EntryDraft(
                    kind: kind, objectID: id, clientID: loan.clientID.rawValue, baseVersion: version > 0 ? version : nil,
                    baseJSON: try ServerStore.json(db, type: .loan, id: id), body: body)
                // Approval waits for the client's pending KYC verification.
                if kind == .approveLoan { draft.alsoAfter = [loan.clientID.rawValue] }
                seq = try OutboxStore.enqueue(db, draft, at: now)
            }
            return Saved(value: try rebuiltLoan(db, id), seq: seq)
        }
    }

    private static func merge(_ first: LoanPatch, _ second: LoanPatch) -> LoanPatch {
        LoanPatch(principal: second.principal ?? first.principal, termMonths: second.termMonths ?? first.termMonths,
                  interestRateBps: second.interestRateBps ?? first.interestRateBps, product: second.product ?? first.product)
    }

    private static func merge(_ application: NewLoan, _ patch: LoanPatch) -> NewLoan {
        var m = application
        m.principal = patch.principal ?? m.principal
        m.termMonths = patch.termMonths ?? m.termMonths
        m.interestRateBps = patch.interestRateBps ?? m.interestRateBps
        m.product = patch.product ?? m.product
        return m
    }

    func rebuiltLoan(_ db: Database, _ id: String) throws -> Loan {
        try ViewRebuilder.rebuild(db, type: .loan, id: id)
        guard let loan = try ViewStore.loan(db, id) else { throw ReplicaError.notFound(.loan, id) }
        return loan
    }
}
