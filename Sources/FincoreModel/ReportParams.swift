/// A report's `params`: for `export`, `{resource, branch_id?, officer_id?}` (contract § Reports).
public struct ReportParams: Hashable, Sendable {
    public var resource: ExportResource?
    public var branchID: String?
    public var officerID: String?

    public init(resource: ExportResource? = nil, branchID: String? = nil, officerID: String? = nil) {
        self.resource = resource
        self.branchID = branchID
        self.officerID = officerID
    }
}

extension ReportParams: Codable {
    enum CodingKeys: String, CodingKey {
        case resource
        case branchID = "branch_id"
        case officerID = "officer_id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        resource = try c.decodeIfPresent(ExportResource.self, forKey: .resource)
        branchID = try c.decodeIfPresent(String.self, forKey: .branchID)
        officerID = try c.decodeIfPresent(String.self, forKey: .officerID)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeNullable(resource, forKey: .resource)
        try c.encodeNullable(branchID, forKey: .branchID)
        try c.encodeNullable(officerID, forKey: .officerID)
    }
}
