import FincoreModel
import SQLite

/// Recomputes the user's view of one record: its server copy with every unfinished outbox entry
/// that touches it applied on top, in the order taken.
///
/// Called after every edit, download, acknowledgement and drop, so the view is always a pure
/// function of server state and outbox. Entries that no longer apply to newer server state (a
/// repayment on a loan the server has since closed) are skipped here; the server will refuse
/// them when pushed and the outbox shows why.
enum ViewRebuilder {
    /// Rebuilds `id`; `base` is the server object when the caller has it decoded already.
    static func rebuild(_ db: Database, type: ObjectType, id: String, base: SyncedObject? = nil) throws {
        let server = try base ?? ServerStore.object(db, type: type, id: id)
        let entries = try OutboxStore.unfinished(db, touching: id)
        let pending = entries.count
        switch type {
        case .client:
            var view: Client? = nil
            if case .client(let c)? = server { view = c }
            for entry in entries { view = try EntryEffects.client(entry, on: view) }
            if let view { try ViewStore.write(db, client: view, pending: pending) } else {
                try ViewStore.delete(db, type: type, id: id)
            }
        case .loan:
            var view: Loan? = nil
            if case .loan(let l)? = server { view = l }
            for entry in entries { view = try EntryEffects.loan(db, entry, id: id, on: view) }
            if let view { try ViewStore.write(db, loan: view, pending: pending) } else {
                try ViewStore.delete(db, type: type, id: id)
            }
        case .payment:
            var view: Payment? = nil
            if case .payment(let p)? = server { view = p }
            for entry in entries where entry.objectID == id { view = try EntryEffects.payment(db, entry, on: view) }
            if let view { try ViewStore.write(db, payment: view, pending: pending) } else {
                try ViewStore.delete(db, type: type, id: id)
            }
        case .paymentLink:
            var view: PaymentLink? = nil
            if case .paymentLink(let k)? = server { view = k }
            for entry in entries where entry.objectID == id { view = try EntryEffects.link(db, entry, on: view) }
            if let view { try ViewStore.write(db, link: view, pending: pending) } else {
                try ViewStore.delete(db, type: type, id: id)
            }
        case .webhook, .event, .report:
            return
        }
    }

    /// Rebuilds every record an entry touches: its object and the loan it moves.
    static func rebuild(_ db: Database, touchedBy entry: OutboxEntry) throws {
        try rebuild(db, type: entry.kind.request.objectType, id: entry.objectID)
        if let loan = entry.loanID, entry.kind == .repay || entry.kind == .reversePayment {
            try rebuild(db, type: .loan, id: loan)
        }
    }
}
