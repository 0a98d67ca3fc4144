/// Reading `YYYY-MM-DD` strictly, and the JSON coding that uses it.
extension CivilDate {
    /// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day, a real date).
    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = b.decimal(0..<4), let m = b.decimal(5..<7), let d = b.decimal(8..<10)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses a date, or names `field` in the error.
    public static func parse(_ text: String, field: String) throws(FieldError) -> CivilDate {
        guard let date = CivilDate(text) else { throw FieldError(field: field, message: invalidMessage) }
        return date
    }

    static let invalidMessage = "must be a valid date as YYYY-MM-DD"
}

extension CivilDate: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        guard let date = CivilDate(try c.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: CivilDate.invalidMessage)
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension Array where Element == UInt8 {
    /// The non-negative decimal number spelled by `range`, nil if any byte is not a digit.
    func decimal(_ range: Range<Int>) -> Int? {
        guard range.upperBound <= count, !range.isEmpty else { return nil }
        var value = 0
        for i in range {
            guard self[i].isASCIIDigit else { return nil }
            value = value * 10 + Int(self[i] - UInt8(ascii: "0"))
        }
        return value
    }
}
