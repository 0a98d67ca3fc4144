/// One field's problem, in the shape of the contract's `error.details` entries (`{"field","message"}`).
///
/// `field` is the JSON path (`kyc.id_number`, `schedule[2].paid`, `events[1]`), as the contract's
/// "Errors fixed here" section requires. `code` is for programs (tests, the console's renderer); only
/// `field` and `message` go on the wire. Messages describe the rule that failed and never echo the
/// value itself, so KYC data and keys stay out of logs (STYLE habit 1).
public struct FieldError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of rule a field broke.
    public enum Code: String, Hashable, Sendable {
        /// The field is missing, empty or null where a value is needed.
        case required
        /// The JSON value has the wrong type (a string where an integer belongs, …).
        case invalidType = "invalid_type"
        /// The value has the right type but breaks a rule (range, format, vocabulary).
        case invalidValue = "invalid_value"
        /// The field is server-assigned and may not appear in a request body.
        case readOnly = "read_only"
    }

    public var field: String
    public var message: String
    public var code: Code

    public init(field: String, message: String, code: Code = .invalidValue) {
        self.field = field
        self.message = message
        self.code = code
    }

    /// The same error with `prefix` put in front of the path (`kyc` + `id_type` → `kyc.id_type`).
    public func prefixed(_ prefix: String) -> FieldError {
        guard !prefix.isEmpty else { return self }
        let joined = field.isEmpty ? prefix : (field.hasPrefix("[") ? prefix + field : prefix + "." + field)
        return FieldError(field: joined, message: message, code: code)
    }

    public var description: String { field.isEmpty ? message : "\(field): \(message)" }
}

extension FieldError: Codable {
    private enum CodingKeys: String, CodingKey { case field, message }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        field = try c.decode(String.self, forKey: .field)
        message = try c.decode(String.self, forKey: .message)
        code = .invalidValue
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(field, forKey: .field)
        try c.encode(message, forKey: .message)
    }
}
