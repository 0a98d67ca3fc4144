/// The body of `POST /v1/reports`: `{type, params}` (contract § Reports); an `export` needs
/// `params.resource`.
public struct NewReport: RequestBody {
    public var type: ReportType
    public var params: ReportParams

    public init(type: ReportType, params: ReportParams = ReportParams()) {
        self.type = type
        self.params = params
    }

    public func validate() -> ValidationErrors {
        var v = ValidationErrors()
        if type == .export && params.resource == nil {
            v.append(FieldError(field: "params.resource", message: "is required for an export", code: .required))
        }
        return v
    }
}

extension NewReport: Codable {
    enum CodingKeys: String, CodingKey { case type, params }

    public init(from decoder: any Decoder) throws {
        var r = try RequestReader(decoder)
        r.refuseReadOnly(RequestReader.commonReadOnlyKeys + ["status", "result"])
        let type: ReportType? = r.required("type")
        params = r.optional("params") ?? ReportParams()
        try r.finish()
        guard let type else { throw ValidationErrors([FieldError(field: "type", message: "is required")]) }
        self.type = type
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(params, forKey: .params)
    }
}
