/// The body of `POST /v1/loans/{id}/repayments` (contract § Loans): `{amount, method, reference?, external_id?}`.
public struct NewRepayment: RequestBody {
    public var amount: Int64
    public var method: PaymentMethod
    public var reference: String?
    public var externalID: String?

    public init(amount: Int64, method: PaymentMethod, reference: String? = nil, externalID: String? = nil) {
        self.amount = amount
        self.method = method
        self.reference = reference
        self.externalID = externalID
    }

    /// Keys refused in payment bodies: the common ones and the server-kept payment fields.
    public static let readOnlyKeys = RequestReader.commonReadOnlyKeys + [
        "branch_id", "officer_id", "status", "failure_reason",
    ]

    public func validate() -> ValidationErrors {
        var v = ValidationErrors()
        v.check(Validation.positiveAmount(amount))
        v.check(reference.flatMap { Validation.label($0, field: "reference", max: 255) })
        v.check(externalID.flatMap { Validation.externalID($0) })
        return v
    }

    /// The repayment the server stores on `loan`: `succeeded` at once for cash, else `pending`.
    public func makePayment(id: PaymentID, loan: Loan, at now: Timestamp) -> Payment {
        Payment(
            id: id, externalID: externalID, createdAt: now, updatedAt: now, version: 1,
            type: .repayment, loanID: loan.id, clientID: loan.clientID, branchID: loan.branchID,
            officerID: loan.officerID, amount: amount, currency: loan.currency, method: method,
            reference: reference, status: PaymentStatus.initial(for: .repayment, method: method))
    }
}

extension NewRepayment: Codable {
    enum CodingKeys: String, CodingKey {
        case amount, method, reference
        case externalID = "external_id"
    }

    public init(from decoder: any Decoder) throws {
        var r = try RequestReader(decoder)
        r.refuseReadOnly(NewRepayment.readOnlyKeys)
        let amount: Int64? = r.required("amount")
        let method: PaymentMethod? = r.required("method")
        reference = r.optional("reference")
        externalID = r.optional("external_id")
        try r.finish()
        guard let amount, let method else {
            throw ValidationErrors([FieldError(field: "", message: "is incomplete", code: .required)])
        }
        self.amount = amount
        self.method = method
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(amount, forKey: .amount)
        try c.encode(method, forKey: .method)
        try c.encodeIfPresent(reference, forKey: .reference)
        try c.encodeIfPresent(externalID, forKey: .externalID)
    }
}
