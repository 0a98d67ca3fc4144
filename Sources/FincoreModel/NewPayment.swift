/// The body of `POST /v1/payments`: a repayment naming its loan (contract § Payments,
/// "same as a repayment"): `{loan_id, amount, method, reference?, external_id?}`.
public struct NewPayment: RequestBody {
    public var loanID: LoanID
    public var repayment: NewRepayment

    public init(loanID: LoanID, repayment: NewRepayment) {
        self.loanID = loanID
        self.repayment = repayment
    }

    public func validate() -> ValidationErrors { repayment.validate() }
}

extension NewPayment: Codable {
    public init(from decoder: any Decoder) throws {
        var r = try RequestReader(decoder)
        let loan: LoanID? = r.required("loan_id")
        var errors = r.errors
        // The other keys are a repayment body; collect its errors together with `loan_id`'s.
        do {
            repayment = try NewRepayment(from: decoder)
        } catch let error as ValidationErrors {
            errors += error.errors
            repayment = NewRepayment(amount: 0, method: .cash)
        }
        if !errors.isEmpty { throw ValidationErrors(errors) }
        guard let loan else { throw ValidationErrors([FieldError(field: "loan_id", message: "is required")]) }
        loanID = loan
    }

    public func encode(to encoder: any Encoder) throws {
        try repayment.encode(to: encoder)
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.encode(loanID, forKey: AnyKey("loan_id"))
    }
}
