/// The `{reason}` body of loan reject and write_off, payment reverse and KYC reject
/// (contract § Clients, § Loans, § Payments). The reason must not be empty.
public struct ReasonBody: RequestBody {
    public var reason: String

    public init(reason: String) { self.reason = reason }

    public func validate() -> ValidationErrors {
        ValidationErrors([Validation.reason(reason)].compactMap { $0 })
    }
}

extension ReasonBody: Codable {
    enum CodingKeys: String, CodingKey { case reason }

    public init(from decoder: any Decoder) throws {
        var r = try RequestReader(decoder)
        r.refuseReadOnly(RequestReader.commonReadOnlyKeys + ["status", "balance"])
        let reason: String? = r.required("reason")
        try r.finish()
        self.reason = reason ?? ""
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reason, forKey: .reason)
    }
}
