/// The `kyc` keys a request may send: `id_type` and `id_number` (contract § Clients).
///
/// Used by `NewClient` (absent and null both mean "none") and by `ClientPatch`, where "`kyc`
/// merges key by key": an absent key keeps its value, `null` clears it. `kyc.status`,
/// `kyc.verified_at` and `kyc.rejection_reason` are read-only and refused by name.
public struct KYCPatch: Hashable, Sendable {
    public var idType: Patch<IDType>
    public var idNumber: Patch<String>

    public init(idType: Patch<IDType> = .absent, idNumber: Patch<String> = .absent) {
        self.idType = idType
        self.idNumber = idNumber
    }

    /// The read-only keys inside `kyc`.
    public static let readOnlyKeys = ["status", "verified_at", "rejection_reason"]

    /// Whether no key was sent.
    public var isEmpty: Bool { !idType.isSent && !idNumber.isSent }

    /// Value errors, with paths under `kyc`.
    public func validate() -> [FieldError] {
        guard let number = idNumber.value else { return [] }
        return [Validation.label(number, field: "kyc.id_number")].compactMap { $0 }
    }
}

extension KYCPatch: Codable {
    enum CodingKeys: String, CodingKey {
        case idType = "id_type"
        case idNumber = "id_number"
    }

    public init(from decoder: any Decoder) throws {
        var r = try RequestReader(decoder)
        r.refuseReadOnly(KYCPatch.readOnlyKeys)
        idType = r.patch("id_type")
        idNumber = r.patch("id_number")
        try r.finish()
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(idType, forKey: .idType)
        try c.encode(idNumber, forKey: .idNumber)
    }
}
