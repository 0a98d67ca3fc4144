/// An ISO 4217 currency: its three-letter code and the number of minor-unit digits (exponent).
///
/// The contract stores money as integer minor units plus `currency` (§ Conventions), so the
/// exponent is what turns `450000` into `4,500.00`. Codes in `Currency.table` have their ISO
/// exponent. Any other code of three uppercase ASCII letters is accepted with exponent 2 and
/// `isKnown == false`: decoding must not fail a sync because a server added a currency, but
/// `NewLoan` validation refuses unknown codes, so nothing new is created in a currency whose
/// exponent we would be guessing.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    /// The ISO 4217 alphabetic code, e.g. `KES`.
    public let code: String
    /// Digits after the decimal point: 2 for KES, 0 for UGX, 3 for KWD.
    public let exponent: Int
    /// Whether the code is in `Currency.table` (its exponent is known, not assumed).
    public let isKnown: Bool

    /// The currencies whose exponent we know (ISO 4217 minor units); a closed table (STYLE habit 7).
    public static let table: [(code: String, exponent: Int)] = [
        ("KES", 2), ("UGX", 0), ("TZS", 2), ("RWF", 0), ("NGN", 2), ("GHS", 2), ("ZAR", 2),
        ("USD", 2), ("EUR", 2), ("GBP", 2), ("INR", 2), ("JPY", 0), ("KWD", 3), ("BHD", 3),
        ("OMR", 3), ("XOF", 0), ("XAF", 0), ("ETB", 2), ("ZMW", 2), ("MWK", 2), ("BIF", 0),
        ("CDF", 2), ("EGP", 2), ("MAD", 2), ("CHF", 2), ("CAD", 2), ("AUD", 2), ("CNY", 2),
    ]

    /// The exponent assumed for a well-formed code that is not in the table.
    public static let defaultExponent = 2

    private static let exponents: [String: Int] = Dictionary(
        table.map { ($0.code, $0.exponent) }, uniquingKeysWith: { first, _ in first })

    /// A currency from its code; nil unless the code is three uppercase ASCII letters.
    public init?(code: String) {
        let bytes = Array(code.utf8)
        guard bytes.count == 3, bytes.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
        else { return nil }
        self.code = code
        if let exponent = Currency.exponents[code] {
            self.exponent = exponent
            self.isKnown = true
        } else {
            self.exponent = Currency.defaultExponent
            self.isKnown = false
        }
    }

    /// Parses a code, or names `field` in the error.
    public static func parse(_ text: String, field: String = "currency") throws(FieldError) -> Currency {
        guard let currency = Currency(code: text) else {
            throw FieldError(field: field, message: "must be an ISO 4217 code of three uppercase letters")
        }
        return currency
    }

    public static let kes = Currency(known: "KES", 2)
    public static let ugx = Currency(known: "UGX", 0)
    public static let tzs = Currency(known: "TZS", 2)
    public static let usd = Currency(known: "USD", 2)
    public static let kwd = Currency(known: "KWD", 3)

    private init(known code: String, _ exponent: Int) {
        self.code = code
        self.exponent = exponent
        self.isKnown = true
    }

    public var description: String { code }
}

extension Currency: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let currency = Currency(code: text) else {
            throw DecodingError.dataCorruptedError(
                in: c, debugDescription: "must be an ISO 4217 code of three uppercase letters")
        }
        self = currency
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }
}
