/// The body of `POST /v1/loans`: an application, created `pending` (contract § Loans).
public struct NewLoan: RequestBody {
    public var clientID: ClientID
    /// Defaults to `"standard"`.
    public var product: String
    public var principal: Int64
    public var currency: Currency
    public var interestRateBps: Int
    public var termMonths: Int
    public var externalID: String?

    public init(
        clientID: ClientID, product: String = Loan.defaultProduct, principal: Int64,
        currency: Currency, interestRateBps: Int, termMonths: Int, externalID: String? = nil
    ) {
        self.clientID = clientID
        self.product = product
        self.principal = principal
        self.currency = currency
        self.interestRateBps = interestRateBps
        self.termMonths = termMonths
        self.externalID = externalID
    }

    /// Keys refused in loan bodies: the common ones and the server-kept loan fields.
    public static let readOnlyKeys = RequestReader.commonReadOnlyKeys + [
        "branch_id", "officer_id", "status", "approved_at", "disbursed_at", "closed_at", "balance", "schedule",
    ]

    public func validate() -> ValidationErrors {
        var v = ValidationErrors()
        v.check(Validation.label(product, field: "product"))
        v.check(Validation.positiveAmount(principal, field: "principal"))
        v.check(Validation.knownCurrency(currency))
        v.check(Validation.interestRateBps(interestRateBps))
        v.check(Validation.termMonths(termMonths))
        v.check(externalID.flatMap { Validation.externalID($0) })
        return v
    }

    /// The application the server stores: `pending`, balance 0, no schedule, the client's scope.
    public func makeLoan(id: LoanID, client: Client, at now: Timestamp) -> Loan {
        Loan(
            id: id, externalID: externalID, createdAt: now, updatedAt: now, version: 1,
            clientID: clientID, product: product, principal: principal, currency: currency,
            interestRateBps: interestRateBps, termMonths: termMonths, branchID: client.branchID,
            officerID: client.officerID, status: .pending)
    }
}

extension NewLoan: Codable {
    enum CodingKeys: String, CodingKey {
        case product, principal, currency
        case clientID = "client_id"
        case interestRateBps = "interest_rate_bps"
        case termMonths = "term_months"
        case externalID = "external_id"
    }

    public init(from decoder: any Decoder) throws {
        var r = try RequestReader(decoder)
        r.refuseReadOnly(NewLoan.readOnlyKeys)
        let client: ClientID? = r.required("client_id")
        product = r.notNull("product") ?? Loan.defaultProduct
        let principal: Int64? = r.required("principal")
        let currency: Currency? = r.required("currency")
        let rate: Int? = r.required("interest_rate_bps")
        let term: Int? = r.required("term_months")
        externalID = r.optional("external_id")
        try r.finish()
        guard let client, let principal, let currency, let rate, let term else {
            throw ValidationErrors([FieldError(field: "", message: "is incomplete", code: .required)])
        }
        clientID = client
        self.principal = principal
        self.currency = currency
        interestRateBps = rate
        termMonths = term
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(clientID, forKey: .clientID)
        try c.encode(product, forKey: .product)
        try c.encode(principal, forKey: .principal)
        try c.encode(currency, forKey: .currency)
        try c.encode(interestRateBps, forKey: .interestRateBps)
        try c.encode(termMonths, forKey: .termMonths)
        try c.encodeIfPresent(externalID, forKey: .externalID)
    }
}
