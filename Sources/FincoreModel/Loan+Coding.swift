/// The JSON form of a loan: every field present, unset ones as `null`.
extension Loan: Codable {
    enum CodingKeys: String, CodingKey {
        case id, object, version, product, principal, currency, status, balance, schedule
        case externalID = "external_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case clientID = "client_id"
        case interestRateBps = "interest_rate_bps"
        case termMonths = "term_months"
        case branchID = "branch_id"
        case officerID = "officer_id"
        case approvedAt = "approved_at"
        case disbursedAt = "disbursed_at"
        case closedAt = "closed_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.expectObject(Self.objectType, forKey: .object)
        id = try c.decode(LoanID.self, forKey: .id)
        externalID = try c.decodeIfPresent(String.self, forKey: .externalID)
        createdAt = try c.decode(Timestamp.self, forKey: .createdAt)
        updatedAt = try c.decode(Timestamp.self, forKey: .updatedAt)
        version = try c.decodeInteger(Int.self, forKey: .version)
        clientID = try c.decode(ClientID.self, forKey: .clientID)
        product = try c.decode(String.self, forKey: .product)
        principal = try c.decodeInteger(Int64.self, forKey: .principal)
        currency = try c.decode(Currency.self, forKey: .currency)
        interestRateBps = try c.decodeInteger(Int.self, forKey: .interestRateBps)
        termMonths = try c.decodeInteger(Int.self, forKey: .termMonths)
        branchID = try c.decodeIfPresent(String.self, forKey: .branchID)
        officerID = try c.decodeIfPresent(String.self, forKey: .officerID)
        status = try c.decode(LoanStatus.self, forKey: .status)
        approvedAt = try c.decodeIfPresent(Timestamp.self, forKey: .approvedAt)
        disbursedAt = try c.decodeIfPresent(Timestamp.self, forKey: .disbursedAt)
        closedAt = try c.decodeIfPresent(Timestamp.self, forKey: .closedAt)
        balance = try c.decodeInteger(Int64.self, forKey: .balance)
        schedule = try c.decode([Instalment].self, forKey: .schedule)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(Self.objectType, forKey: .object)
        try c.encodeNullable(externalID, forKey: .externalID)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(version, forKey: .version)
        try c.encode(clientID, forKey: .clientID)
        try c.encode(product, forKey: .product)
        try c.encode(principal, forKey: .principal)
        try c.encode(currency, forKey: .currency)
        try c.encode(interestRateBps, forKey: .interestRateBps)
        try c.encode(termMonths, forKey: .termMonths)
        try c.encodeNullable(branchID, forKey: .branchID)
        try c.encodeNullable(officerID, forKey: .officerID)
        try c.encode(status, forKey: .status)
        try c.encodeNullable(approvedAt, forKey: .approvedAt)
        try c.encodeNullable(disbursedAt, forKey: .disbursedAt)
        try c.encodeNullable(closedAt, forKey: .closedAt)
        try c.encode(balance, forKey: .balance)
        try c.encode(schedule, forKey: .schedule)
    }
}
