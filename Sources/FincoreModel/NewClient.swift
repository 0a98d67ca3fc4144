/// The body of `POST /v1/clients` (contract § Clients).
public struct NewClient: RequestBody {
    public var firstName: String
    public var lastName: String
    public var phone: String?
    public var email: String?
    public var dateOfBirth: CivilDate?
    public var address: String?
    public var branchID: String?
    public var officerID: String?
    /// Defaults to `active`.
    public var status: ClientStatus
    /// `id_type` / `id_number` only; a new client's KYC is always `pending`.
    public var kyc: KYCPatch
    public var externalID: String?

    public init(
        firstName: String, lastName: String, phone: String? = nil, email: String? = nil,
        dateOfBirth: CivilDate? = nil, address: String? = nil, branchID: String? = nil,
        officerID: String? = nil, status: ClientStatus = .active, kyc: KYCPatch = KYCPatch(),
        externalID: String? = nil
    ) {
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
        self.externalID = externalID
    }

    public func validate() -> ValidationErrors {
        var v = ValidationErrors()
        v.check(Validation.name(firstName, field: "first_name"))
        v.check(Validation.name(lastName, field: "last_name"))
        v.check(phone.flatMap { Validation.phone($0) })
        v.check(email.flatMap { Validation.email($0) })
        v.check(address.flatMap { Validation.address($0) })
        v.check(branchID.flatMap { Validation.label($0, field: "branch_id", max: 255) })
        v.check(officerID.flatMap { Validation.label($0, field: "officer_id", max: 255) })
        v.append(contentsOf: kyc.validate())
        v.check(externalID.flatMap { Validation.externalID($0) })
        return v
    }

    /// The client the server stores for this body: version 1, KYC `pending`.
    public func makeClient(id: ClientID, at now: Timestamp) -> Client {
        Client(
            id: id, externalID: externalID, createdAt: now, updatedAt: now, version: 1,
            firstName: firstName, lastName: lastName, phone: phone, email: email,
            dateOfBirth: dateOfBirth, address: address, branchID: branchID, officerID: officerID,
            status: status, kyc: KYC(status: .pending, idType: kyc.idType.value, idNumber: kyc.idNumber.value))
    }
}

extension NewClient: Codable {
    enum CodingKeys: String, CodingKey {
        case phone, email, address, status, kyc
        case firstName = "first_name"
        case lastName = "last_name"
        case dateOfBirth = "date_of_birth"
        case branchID = "branch_id"
        case officerID = "officer_id"
        case externalID = "external_id"
    }

    public init(from decoder: any Decoder) throws {
        var r = try RequestReader(decoder)
        r.refuseReadOnly(RequestReader.commonReadOnlyKeys)
        let first: String? = r.required("first_name")
        let last: String? = r.required("last_name")
        phone = r.optional("phone")
        email = r.optional("email")
        dateOfBirth = r.optional("date_of_birth")
        address = r.optional("address")
        branchID = r.optional("branch_id")
        officerID = r.optional("officer_id")
        status = r.optional("status") ?? .active
        kyc = r.optional("kyc") ?? KYCPatch()
        externalID = r.optional("external_id")
        try r.finish()
        firstName = first ?? ""
        lastName = last ?? ""
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(firstName, forKey: .firstName)
        try c.encode(lastName, forKey: .lastName)
        try c.encodeIfPresent(phone, forKey: .phone)
        try c.encodeIfPresent(email, forKey: .email)
        try c.encodeIfPresent(dateOfBirth, forKey: .dateOfBirth)
        try c.encodeIfPresent(address, forKey: .address)
        try c.encodeIfPresent(branchID, forKey: .branchID)
        try c.encodeIfPresent(officerID, forKey: .officerID)
        try c.encode(status, forKey: .status)
        if !kyc.isEmpty { try c.encode(kyc, forKey: .kyc) }
        try c.encodeIfPresent(externalID, forKey: .externalID)
    }
}
