/// A report job at `/v1/reports` (contract § Reports, optional): created `pending`, then
/// `completed` with a `result` or `failed`.
public struct Report: Hashable, Sendable {
    public static let objectType = ObjectType.report

    public var id: ReportID
    public var type: ReportType
    public var status: ReportStatus
    public var params: ReportParams
    /// Null until the report is `completed`.
    public var result: ReportResult?

    public init(
        id: ReportID, type: ReportType, status: ReportStatus = .pending,
        params: ReportParams = ReportParams(), result: ReportResult? = nil
    ) {
        self.id = id
        self.type = type
        self.status = status
        self.params = params
        self.result = result
    }
}

extension Report: Codable {
    enum CodingKeys: String, CodingKey { case id, object, type, status, params, result }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.expectObject(Self.objectType, forKey: .object)
        id = try c.decode(ReportID.self, forKey: .id)
        type = try c.decode(ReportType.self, forKey: .type)
        status = try c.decode(ReportStatus.self, forKey: .status)
        params = try c.decodeIfPresent(ReportParams.self, forKey: .params) ?? ReportParams()
        result = try c.decodeIfPresent(ReportResult.self, forKey: .result)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(Self.objectType, forKey: .object)
        try c.encode(type, forKey: .type)
        try c.encode(status, forKey: .status)
        try c.encode(params, forKey: .params)
        try c.encodeNullable(result, forKey: .result)
    }
}
