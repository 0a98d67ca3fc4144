/// A hosted link where a client pays towards a loan (contract § Payments, "Payment links").
public struct PaymentLink: Hashable, Sendable {
    public static let objectType = ObjectType.paymentLink

    public var id: PaymentLinkID
    public var externalID: String?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var version: Int
    public var loanID: LoanID
    public var clientID: ClientID
    public var branchID: String?
    public var officerID: String?
    public var amount: Int64
    /// The loan's currency.
    public var currency: Currency
    public var url: String
    public var status: LinkStatus
    public var expiresAt: Timestamp?
    public var paidAt: Timestamp?

    public init(
        id: PaymentLinkID, externalID: String? = nil, createdAt: Timestamp, updatedAt: Timestamp,
        version: Int = 1, loanID: LoanID, clientID: ClientID, branchID: String? = nil,
        officerID: String? = nil, amount: Int64, currency: Currency, url: String,
        status: LinkStatus = .active, expiresAt: Timestamp? = nil, paidAt: Timestamp? = nil
    ) {
        self.id = id
        self.externalID = externalID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
        self.loanID = loanID
        self.clientID = clientID
        self.branchID = branchID
        self.officerID = officerID
        self.amount = amount
        self.currency = currency
        self.url = url
        self.status = status
        self.expiresAt = expiresAt
        self.paidAt = paidAt
    }

    /// `amount` as money.
    public var money: Money { Money(minorUnits: amount, currency: currency) }
}

extension PaymentLink: Codable {
    enum CodingKeys: String, CodingKey {
        case id, object, version, amount, currency, url, status
        case externalID = "external_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case loanID = "loan_id"
        case clientID = "client_id"
        case branchID = "branch_id"
        case officerID = "officer_id"
        case expiresAt = "expires_at"
        case paidAt = "paid_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.expectObject(Self.objectType, forKey: .object)
        id = try c.decode(PaymentLinkID.self, forKey: .id)
        externalID = try c.decodeIfPresent(String.self, forKey: .externalID)
        createdAt = try c.decode(Timestamp.self, forKey: .createdAt)
        updatedAt = try c.decode(Timestamp.self, forKey: .updatedAt)
        version = try c.decodeInteger(Int.self, forKey: .version)
        loanID = try c.decode(LoanID.self, forKey: .loanID)
        clientID = try c.decode(ClientID.self, forKey: .clientID)
        branchID = try c.decodeIfPresent(String.self, forKey: .branchID)
        officerID = try c.decodeIfPresent(String.self, forKey: .officerID)
        amount = try c.decodeInteger(Int64.self, forKey: .amount)
        currency = try c.decode(Currency.self, forKey: .currency)
        url = try c.decode(String.self, forKey: .url)
        status = try c.decode(LinkStatus.self, forKey: .status)
        expiresAt = try c.decodeIfPresent(Timestamp.self, forKey: .expiresAt)
        paidAt = try c.decodeIfPresent(Timestamp.self, forKey: .paidAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(Self.objectType, forKey: .object)
        try c.encodeNullable(externalID, forKey: .externalID)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(version, forKey: .version)
        try c.encode(loanID, forKey: .loanID)
        try c.encode(clientID, forKey: .clientID)
        try c.encodeNullable(branchID, forKey: .branchID)
        try c.encodeNullable(officerID, forKey: .officerID)
        try c.encode(amount, forKey: .amount)
        try c.encode(currency, forKey: .currency)
        try c.encode(url, forKey: .url)
        try c.encode(status, forKey: .status)
        try c.encodeNullable(expiresAt, forKey: .expiresAt)
        try c.encodeNullable(paidAt, forKey: .paidAt)
    }
}
