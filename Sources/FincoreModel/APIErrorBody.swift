/// The inside of an error response's `error` object (contract, public facts and § Errors fixed here).
///
/// `details` lists field problems (always written, `[]` when none); `current` is the object as
/// it is now, for `412 version_conflict` and `409 external_id_taken` (written as `null` otherwise).
public struct APIErrorBody: Hashable, Sendable {
    public var code: ErrorCode
    public var message: String
    public var details: [FieldError]
    /// The current object, raw; decode it with `current?.decode(as: Loan.self)`.
    public var current: JSONValue?

    public init(code: ErrorCode, message: String, details: [FieldError] = [], current: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.details = details
        self.current = current
    }

    /// The body of a `400 invalid_request` for a list of field errors.
    public static func invalidRequest(_ errors: ValidationErrors) -> APIErrorBody {
        APIErrorBody(code: .invalidRequest, message: "The request was invalid", details: errors.errors)
    }
}

extension APIErrorBody: Codable {
    enum CodingKeys: String, CodingKey { case code, message, details, current }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(ErrorCode.self, forKey: .code)
        message = try c.decode(String.self, forKey: .message)
        details = try c.decodeIfPresent([FieldError].self, forKey: .details) ?? []
        // An explicit JSON null decodes as `.null` through JSONValue; treat it as absent.
        let raw = try c.decodeIfPresent(JSONValue.self, forKey: .current)
        current = raw == .null ? nil : raw
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(message, forKey: .message)
        try c.encode(details, forKey: .details)
        try c.encodeNullable(current, forKey: .current)
    }
}
