/// A closed set of JSON strings (a status, a type, a method): decoded strictly, by raw value.
///
/// Decoding an unknown string is a `DecodingError` at the field's path whose message lists
/// the accepted values, so `FincoreJSON.fieldError(from:)` turns it into
/// `FieldError(field: "kyc.id_type", message: "unknown value …; expected one of: …")`.
public protocol ClosedVocabulary: RawRepresentable<String>, CaseIterable, Codable, Hashable, Sendable {}

extension ClosedVocabulary {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let raw = try c.decode(String.self)
        guard let value = Self(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: Self.unknownValueMessage(raw))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    /// Parses a raw string (a query parameter, a command argument), or names `field`.
    public static func parse(_ raw: String, field: String) throws(FieldError) -> Self {
        guard let value = Self(rawValue: raw) else {
            throw FieldError(field: field, message: unknownValueMessage(raw))
        }
        return value
    }

    /// The accepted raw values, comma separated, in declaration order.
    public static var acceptedValues: String { allCases.map(\.rawValue).joined(separator: ", ") }

    static func unknownValueMessage(_ raw: String) -> String {
        // The raw value is echoed only when short and printable: vocabularies are not personal data.
        let shown = raw.count <= 40 && raw.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 }
            ? "\"\(raw)\"" : "value"
        return "unknown value \(shown); expected one of: \(acceptedValues)"
    }
}
