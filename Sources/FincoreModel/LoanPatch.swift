/// The body of `PATCH /v1/loans/{id}`, allowed only while `pending` (contract § Loans):
/// `principal`, `term_months`, `interest_rate_bps`, `product`. None of them may be null.
public struct LoanPatch: RequestBody {
    public var principal: Int64?
    public var termMonths: Int?
    public var interestRateBps: Int?
    public var product: String?

    public init(principal: Int64? = nil, termMonths: Int? = nil, interestRateBps: Int? = nil, product: String? = nil) {
        self.principal = principal
        self.termMonths = termMonths
        self.interestRateBps = interestRateBps
        self.product = product
    }

    /// Keys refused: the loan's read-only ones, plus `client_id`, `currency` and `external_id`,
    /// which the contract does not list as editable.
    public static let refusedKeys = NewLoan.readOnlyKeys + ["client_id", "currency", "external_id"]

    public func validate() -> ValidationErrors {
        var v = ValidationErrors()
        v.check(principal.flatMap { Validation.positiveAmount($0, field: "principal") })
        v.check(termMonths.flatMap { Validation.termMonths($0) })
        v.check(interestRateBps.flatMap { Validation.interestRateBps($0) })
        v.check(product.flatMap { Validation.label($0, field: "product") })
        return v
    }

    /// The loan after this patch, or `invalid_state` unless it is `pending`.
    public func applied(to loan: Loan) throws(ModelError) -> Loan {
        _ = try LoanAction.edit.target(from: loan.status)
        var l = loan
        l.principal = principal ?? l.principal
        l.termMonths = termMonths ?? l.termMonths
        l.interestRateBps = interestRateBps ?? l.interestRateBps
        l.product = product ?? l.product
        return l
    }
}

extension LoanPatch: Codable {
    enum CodingKeys: String, CodingKey {
        case principal, product
        case termMonths = "term_months"
        case interestRateBps = "interest_rate_bps"
    }

    public init(from decoder: any Decoder) throws {
        var r = try RequestReader(decoder)
        r.refuseReadOnly(LoanPatch.refusedKeys)
        principal = r.notNull("principal")
        termMonths = r.notNull("term_months")
        interestRateBps = r.notNull("interest_rate_bps")
        product = r.notNull("product")
        try r.finish()
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(principal, forKey: .principal)
        try c.encodeIfPresent(termMonths, forKey: .termMonths)
        try c.encodeIfPresent(interestRateBps, forKey: .interestRateBps)
        try c.encodeIfPresent(product, forKey: .product)
    }
}
