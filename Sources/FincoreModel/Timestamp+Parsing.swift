/// Reading RFC 3339 timestamps into exact microseconds, and the JSON coding that uses them.
extension Timestamp {
    /// Parses an RFC 3339 timestamp (https://www.rfc-editor.org/rfc/rfc3339#section-5.6).
    ///
    /// The contract writes six fractional digits and `Z`; for robustness this also reads 0–6
    /// fractional digits and a numeric offset (`+00:00`, `+03:00`), normalising to UTC. More
    /// than six fractional digits is refused rather than rounded: an instant we cannot hold
    /// exactly would break `updated_since` comparisons. Leap seconds (`:60`) are refused.
    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count >= 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let y = b.decimal(0..<4), let mo = b.decimal(5..<7), let d = b.decimal(8..<10),
              let h = b.decimal(11..<13), let mi = b.decimal(14..<16), let s = b.decimal(17..<19),
              let date = CivilDate(year: y, month: mo, day: d), h < 24, mi < 60, s < 60
        else { return nil }

        var i = 19
        var fraction: Int64 = 0
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, b[i].isASCIIDigit { i += 1 }
            let digits = i - start
            guard (1...6).contains(digits), let value = b.decimal(start..<i) else { return nil }
            fraction = Int64(value)
            for _ in digits..<6 { fraction *= 10 }
        }

        guard i < b.count else { return nil }
        var offsetSeconds: Int64 = 0
        switch b[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            i += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard b.count == i + 6, b[i + 3] == UInt8(ascii: ":"),
                  let oh = b.decimal(i + 1..<i + 3), let om = b.decimal(i + 4..<i + 6), oh < 24, om < 60
            else { return nil }
            offsetSeconds = Int64(oh * 3600 + om * 60) * (b[i] == UInt8(ascii: "+") ? 1 : -1)
            i += 6
        default:
            return nil
        }
        guard i == b.count else { return nil }

        let seconds = date.daysSinceEpoch * 86_400 + Int64(h * 3600 + mi * 60 + s) - offsetSeconds
        self.init(microsecondsSinceEpoch: seconds * 1_000_000 + fraction)
    }

    /// Parses a timestamp, or names `field` in the error.
    public static func parse(_ text: String, field: String) throws(FieldError) -> Timestamp {
        guard let timestamp = Timestamp(text) else { throw FieldError(field: field, message: invalidMessage) }
        return timestamp
    }

    static let invalidMessage = "must be an RFC 3339 timestamp such as 2026-11-24T09:15:02.123456Z"
}

extension Timestamp: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        guard let timestamp = Timestamp(try c.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: Timestamp.invalidMessage)
        }
        self = timestamp
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
