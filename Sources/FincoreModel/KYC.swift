/// A client's know-your-customer record: the `kyc` object of a client (contract § Clients).
///
/// `status`, `verifiedAt` and `rejectionReason` are read-only: only the `kyc/verify` and
/// `kyc/reject` actions, and the reset rule of `ClientPatch`, change them.
public struct KYC: Hashable, Sendable {
    public var status: KYCStatus
    public var idType: IDType?
    public var idNumber: String?
    public var verifiedAt: Timestamp?
    public var rejectionReason: String?

    public init(
        status: KYCStatus = .pending, idType: IDType? = nil, idNumber: String? = nil,
        verifiedAt: Timestamp? = nil, rejectionReason: String? = nil
    ) {
        self.status = status
        self.idType = idType
        self.idNumber = idNumber
        self.verifiedAt = verifiedAt
        self.rejectionReason = rejectionReason
    }
}

extension KYC: Codable {
    enum CodingKeys: String, CodingKey {
        case status
        case idType = "id_type"
        case idNumber = "id_number"
        case verifiedAt = "verified_at"
        case rejectionReason = "rejection_reason"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decode(KYCStatus.self, forKey: .status)
        idType = try c.decodeIfPresent(IDType.self, forKey: .idType)
        idNumber = try c.decodeIfPresent(String.self, forKey: .idNumber)
        verifiedAt = try c.decodeIfPresent(Timestamp.self, forKey: .verifiedAt)
        rejectionReason = try c.decodeIfPresent(String.self, forKey: .rejectionReason)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encodeNullable(idType, forKey: .idType)
        try c.encodeNullable(idNumber, forKey: .idNumber)
        try c.encodeNullable(verifiedAt, forKey: .verifiedAt)
        try c.encodeNullable(rejectionReason, forKey: .rejectionReason)
    }
}
