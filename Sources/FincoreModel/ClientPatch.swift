/// The body of `PATCH /v1/clients/{id}`: only the keys sent change (contract § Clients).
///
/// Required fields (`first_name`, `last_name`, `status`) may be absent but not null; the
/// optional ones may be null to clear them. `kyc` merges key by key. `external_id` is set on
/// create only and refused here like a read-only field.
public struct ClientPatch: RequestBody {
    public var firstName: String?
    public var lastName: String?
    public var phone: Patch<String>
    public var email: Patch<String>
    public var dateOfBirth: Patch<CivilDate>
    public var address: Patch<String>
    public var branchID: Patch<String>
    public var officerID: Patch<String>
    public var status: ClientStatus?
    public var kyc: KYCPatch

    public init(
        firstName: String? = nil, lastName: String? = nil, phone: Patch<String> = .absent,
        email: Patch<String> = .absent, dateOfBirth: Patch<CivilDate> = .absent,
        address: Patch<String> = .absent, branchID: Patch<String> = .absent,
        officerID: Patch<String> = .absent, status: ClientStatus? = nil, kyc: KYCPatch = KYCPatch()
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
    }

    /// Keys refused in this body, beyond the common read-only ones.
    public static let refusedKeys = RequestReader.commonReadOnlyKeys + ["external_id"]

    public func validate() -> ValidationErrors {
        var v = ValidationErrors()
        v.check(firstName.flatMap { Validation.name($0, field: "first_name") })
        v.check(lastName.flatMap { Validation.name($0, field: "last_name") })
        v.check(phone.value.flatMap { Validation.phone($0) })
        v.check(email.value.flatMap { Validation.email($0) })
        v.check(address.value.flatMap { Validation.address($0) })
        v.check(branchID.value.flatMap { Validation.label($0, field: "branch_id", max: 255) })
        v.check(officerID.value.flatMap { Validation.label($0, field: "officer_id", max: 255) })
        v.append(contentsOf: kyc.validate())
        return v
    }

    /// The client after this patch; the server then bumps `version` and `updated_at`.
    ///
    /// Contract § Precise answers: a change of `kyc.id_type` or `kyc.id_number` on a `verified`
    /// or `rejected` client puts `kyc.status` back to `pending` and clears `verified_at` and
    /// `rejection_reason`. Sending the same value is not a change.
    public func applied(to client: Client) -> Client {
        var c = client
        c.firstName = firstName ?? c.firstName
        c.lastName = lastName ?? c.lastName
        c.phone = phone.applied(to: c.phone)
        c.email = email.applied(to: c.email)
        c.dateOfBirth = dateOfBirth.applied(to: c.dateOfBirth)
        c.address = address.applied(to: c.address)
        c.branchID = branchID.applied(to: c.branchID)
        c.officerID = officerID.applied(to: c.officerID)
        c.status = status ?? c.status
        c.kyc.idType = kyc.idType.applied(to: c.kyc.idType)
        c.kyc.idNumber = kyc.idNumber.applied(to: c.kyc.idNumber)
        let identityChanged = c.kyc.idType != client.kyc.idType || c.kyc.idNumber != client.kyc.idNumber
        if identityChanged && client.kyc.status != .pending {
            c.kyc.status = .pending
            c.kyc.verifiedAt = nil
            c.kyc.rejectionReason = nil
        }
        return c
    }
}

extension ClientPatch: Codable {
    enum CodingKeys: String, CodingKey {
        case phone, email, address, status, kyc
        case firstName = "first_name"
        case lastName = "last_name"
        case dateOfBirth = "date_of_birth"
        case branchID = "branch_id"
        case officerID = "officer_id"
    }

    public init(from decoder: any Decoder) throws {
        var r = try RequestReader(decoder)
        r.refuseReadOnly(ClientPatch.refusedKeys)
        firstName = r.notNull("first_name")
        lastName = r.notNull("last_name")
        phone = r.patch("phone")
        email = r.patch("email")
        dateOfBirth = r.patch("date_of_birth")
        address = r.patch("address")
        branchID = r.patch("branch_id")
        officerID = r.patch("officer_id")
        status = r.notNull("status")
        kyc = r.notNull("kyc") ?? KYCPatch()
        try r.finish()
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(firstName, forKey: .firstName)
        try c.encodeIfPresent(lastName, forKey: .lastName)
        try c.encode(phone, forKey: .phone)
        try c.encode(email, forKey: .email)
        try c.encode(dateOfBirth, forKey: .dateOfBirth)
        try c.encode(address, forKey: .address)
        try c.encode(branchID, forKey: .branchID)
        try c.encode(officerID, forKey: .officerID)
        try c.encodeIfPresent(status, forKey: .status)
        if !kyc.isEmpty { try c.encode(kyc, forKey: .kyc) }
    }
}
