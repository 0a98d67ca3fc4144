import FincoreModel

// The money rules of the contract's objects (§ Loans, § Payments), and the containers that
// carry them, so that a list page names the item: `data[3].amount`.

extension Loan: ServerChecked {
    func implausibleField() -> FieldError? {
        if let problem = Self.positive(principal, "principal") ?? Self.notNegative(balance, "balance") {
            return problem
        }
        for (index, instalment) in schedule.enumerated() {
            let at = "schedule[\(index)]."
            if let problem = Self.notNegative(instalment.principalDue, at + "principal_due")
                ?? Self.notNegative(instalment.interestDue, at + "interest_due")
                ?? Self.notNegative(instalment.paid, at + "paid") {
                return problem
            }
        }
        return nil
    }
}

extension Payment: ServerChecked {
    func implausibleField() -> FieldError? { Self.positive(amount, "amount") }
}

extension PaymentLink: ServerChecked {
    func implausibleField() -> FieldError? { Self.positive(amount, "amount") }
}

extension Client: ServerChecked {
    func implausibleField() -> FieldError? { nil }
}

extension Listed: ServerChecked where T: ServerChecked & ListedType {
    func implausibleField() -> FieldError? {
        switch self {
        case .object(let object):
            return object.implausibleField()
        case .tombstone(let tombstone):
            // A loan listing's tombstone of a client would delete a client nobody deleted.
            return tombstone.object == T.objectType ? nil
                : FieldError(field: "object", message: "must be \"\(T.objectType.rawValue)\" in this list")
        }
    }
}

extension ListPage: ServerChecked where T: ServerChecked {
    func implausibleField() -> FieldError? {
        for (index, item) in data.enumerated() {
            if let problem = Self.nested(item.implausibleField(), under: "data[\(index)]") { return problem }
        }
        return nil
    }
}

extension SyncedObject: ServerChecked {
    func implausibleField() -> FieldError? {
        switch self {
        case .loan(let loan): return loan.implausibleField()
        case .payment(let payment): return payment.implausibleField()
        case .paymentLink(let link): return link.implausibleField()
        case .client, .webhook, .report, .tombstone: return nil
        }
    }
}

/// The synced types a list can hold, with the `object` name their tombstones carry.
protocol ListedType {
    static var objectType: ObjectType { get }
}

extension Client: ListedType {}
extension Loan: ListedType {}
extension Payment: ListedType {}
extension PaymentLink: ListedType {}
