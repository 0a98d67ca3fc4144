/// The body of `POST /v1/payment_links`: `{loan_id, amount, external_id?}` (contract § Payments).
public struct NewPaymentLink: RequestBody {
    public var loanID: LoanID
    public var amount: Int64
    public var externalID: String?

    public init(loanID: LoanID, amount: Int64, externalID: String? = nil) {
        self.loanID = loanID
        self.amount = amount
        self.externalID = externalID
    }

    /// Keys refused: the common ones and the fields the server sets on a link.
    public static let readOnlyKeys = RequestReader.commonReadOnlyKeys + [
        "branch_id", "officer_id", "status", "url", "paid_at",
    ]

    public func validate() -> ValidationErrors {
        var v = ValidationErrors()
        v.check(Validation.positiveAmount(amount))
        v.check(externalID.flatMap { Validation.externalID($0) })
        return v
    }
}

extension NewPaymentLink: Codable {
    enum CodingKeys: String, CodingKey {
        case amount
        case loanID = "loan_id"
        case externalID = "external_id"
    }

    public init(from decoder: any Decoder) throws {
        var r = try RequestReader(decoder)
        r.refuseReadOnly(NewPaymentLink.readOnlyKeys)
        let loan: LoanID? = r.required("loan_id")
        let amount: Int64? = r.required("amount")
        externalID = r.optional("external_id")
        try r.finish()
        guard let loan, let amount else {
            throw ValidationErrors([FieldError(field: "", message: "is incomplete", code: .required)])
        }
        loanID = loan
        self.amount = amount
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(loanID, forKey: .loanID)
        try c.encode(amount, forKey: .amount)
        try c.encodeIfPresent(externalID, forKey: .externalID)
    }
}
