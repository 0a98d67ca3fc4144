/// A movement of money on a loan: a repayment or the disbursement (contract § Payments).
public struct Payment: Hashable, Sendable {
    public static let objectType = ObjectType.payment

    public var id: PaymentID
    public var externalID: String?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var version: Int
    public var type: PaymentType
    public var loanID: LoanID
    public var clientID: ClientID
    public var branchID: String?
    public var officerID: String?
    /// Minor units of `currency`, > 0.
    public var amount: Int64
    public var currency: Currency
    public var method: PaymentMethod
    public var reference: String?
    public var status: PaymentStatus
    /// Why a `failed` payment failed; null otherwise.
    public var failureReason: String?

    public init(
        id: PaymentID, externalID: String? = nil, createdAt: Timestamp, updatedAt: Timestamp,
        version: Int = 1, type: PaymentType, loanID: LoanID, clientID: ClientID,
        branchID: String? = nil, officerID: String? = nil, amount: Int64, currency: Currency,
        method: PaymentMethod, reference: String? = nil, status: PaymentStatus,
        failureReason: String? = nil
    ) {
        self.id = id
        self.externalID = externalID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
        self.type = type
        self.loanID = loanID
        self.clientID = clientID
        self.branchID = branchID
        self.officerID = officerID
        self.amount = amount
        self.currency = currency
        self.method = method
        self.reference = reference
        self.status = status
        self.failureReason = failureReason
    }

    /// `amount` as money.
    public var money: Money { Money(minorUnits: amount, currency: currency) }
}

extension Payment: Codable {
    enum CodingKeys: String, CodingKey {
        case id, object, version, type, amount, currency, method, reference, status
        case externalID = "external_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case loanID = "loan_id"
        case clientID = "client_id"
        case branchID = "branch_id"
        case officerID = "officer_id"
        case failureReason = "failure_reason"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.expectObject(Self.objectType, forKey: .object)
        id = try c.decode(PaymentID.self, forKey: .id)
        externalID = try c.decodeIfPresent(String.self, forKey: .externalID)
        createdAt = try c.decode(Timestamp.self, forKey: .createdAt)
        updatedAt = try c.decode(Timestamp.self, forKey: .updatedAt)
        version = try c.decodeInteger(Int.self, forKey: .version)
        type = try c.decode(PaymentType.self, forKey: .type)
        loanID = try c.decode(LoanID.self, forKey: .loanID)
        clientID = try c.decode(ClientID.self, forKey: .clientID)
        branchID = try c.decodeIfPresent(String.self, forKey: .branchID)
        officerID = try c.decodeIfPresent(String.self, forKey: .officerID)
        amount = try c.decodeInteger(Int64.self, forKey: .amount)
        currency = try c.decode(Currency.self, forKey: .currency)
        method = try c.decode(PaymentMethod.self, forKey: .method)
        reference = try c.decodeIfPresent(String.self, forKey: .reference)
        status = try c.decode(PaymentStatus.self, forKey: .status)
        failureReason = try c.decodeIfPresent(String.self, forKey: .failureReason)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(Self.objectType, forKey: .object)
        try c.encodeNullable(externalID, forKey: .externalID)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(version, forKey: .version)
        try c.encode(type, forKey: .type)
        try c.encode(loanID, forKey: .loanID)
        try c.encode(clientID, forKey: .clientID)
        try c.encodeNullable(branchID, forKey: .branchID)
        try c.encodeNullable(officerID, forKey: .officerID)
        try c.encode(amount, forKey: .amount)
        try c.encode(currency, forKey: .currency)
        try c.encode(method, forKey: .method)
        try c.encodeNullable(reference, forKey: .reference)
        try c.encode(status, forKey: .status)
        try c.encodeNullable(failureReason, forKey: .failureReason)
    }
}
