/// A borrower, as `/v1/clients` returns it (contract § Clients).
///
/// Optional fields decode as nil when null or absent (an agent tolerates a leaner server) and
/// always encode, as `null` when unset (contract § Precise answers).
public struct Client: Hashable, Sendable {
    public static let objectType = ObjectType.client

    public var id: ClientID
    public var externalID: String?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    /// +1 on every change; the `ETag` / `If-Match` value.
    public var version: Int
    public var firstName: String
    public var lastName: String
    /// E.164, e.g. `+254712345678`.
    public var phone: String?
    public var email: String?
    public var dateOfBirth: CivilDate?
    public var address: String?
    public var branchID: String?
    public var officerID: String?
    public var status: ClientStatus
    public var kyc: KYC

    public init(
        id: ClientID, externalID: String? = nil, createdAt: Timestamp, updatedAt: Timestamp,
        version: Int = 1, firstName: String, lastName: String, phone: String? = nil,
        email: String? = nil, dateOfBirth: CivilDate? = nil, address: String? = nil,
        branchID: String? = nil, officerID: String? = nil, status: ClientStatus = .active,
        kyc: KYC = KYC()
    ) {
        self.id = id
        self.externalID = externalID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
        self.firstName = firstName
        self.lastName = lastName
        self.phone = phone
        self.email = email
        self.dateOfBirth = dateOfBirth
        self.address = address
        self.branchID = branchID
        self.officerID = officerID
        self.status = status
        self.kyc = kyc
    }
}

extension Client: Codable {
    enum CodingKeys: String, CodingKey {
        case id, object, version, phone, email, address, status, kyc
        case externalID = "external_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case firstName = "first_name"
        case lastName = "last_name"
        case dateOfBirth = "date_of_birth"
        case branchID = "branch_id"
        case officerID = "officer_id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.expectObject(Self.objectType, forKey: .object)
        id = try c.decode(ClientID.self, forKey: .id)
        externalID = try c.decodeIfPresent(String.self, forKey: .externalID)
        createdAt = try c.decode(Timestamp.self, forKey: .createdAt)
        updatedAt = try c.decode(Timestamp.self, forKey: .updatedAt)
        version = try c.decodeInteger(Int.self, forKey: .version)
        firstName = try c.decode(String.self, forKey: .firstName)
        lastName = try c.decode(String.self, forKey: .lastName)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        dateOfBirth = try c.decodeIfPresent(CivilDate.self, forKey: .dateOfBirth)
        address = try c.decodeIfPresent(String.self, forKey: .address)
        branchID = try c.decodeIfPresent(String.self, forKey: .branchID)
        officerID = try c.decodeIfPresent(String.self, forKey: .officerID)
        status = try c.decode(ClientStatus.self, forKey: .status)
        kyc = try c.decode(KYC.self, forKey: .kyc)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(Self.objectType, forKey: .object)
        try c.encodeNullable(externalID, forKey: .externalID)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(version, forKey: .version)
        try c.encode(firstName, forKey: .firstName)
        try c.encode(lastName, forKey: .lastName)
        try c.encodeNullable(phone, forKey: .phone)
        try c.encodeNullable(email, forKey: .email)
        try c.encodeNullable(dateOfBirth, forKey: .dateOfBirth)
        try c.encodeNullable(address, forKey: .address)
        try c.encodeNullable(branchID, forKey: .branchID)
        try c.encodeNullable(officerID, forKey: .officerID)
        try c.encode(status, forKey: .status)
        try c.encode(kyc, forKey: .kyc)
    }
}
