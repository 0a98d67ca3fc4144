/// Parsing money typed by a person (`4,500.50`) into exact minor units.
extension Money {
    /// Parses `text` as an amount of `currency`, exactly, by digit arithmetic.
    ///
    /// Accepted: digits with an optional decimal point and at most `currency.exponent` decimals
    /// (`4500`, `4500.5`, `0.01`), and thousands separators only between groups of three
    /// (`4,500.50`, `1,234,567`). Surrounding whitespace is trimmed; whitespace inside is refused.
    /// Refused, each as a `FieldError` naming `field`: empty text, a sign, any other character,
    /// misplaced commas (`4,50.00`), a bare decimal point (`.5`, `5.`), more decimals than the
    /// currency has (`12.345` KES, `1.5` UGX), values beyond Int64 minor units, and zero unless
    /// `allowZero` (amounts and principals must be > 0 by the contract).
    public static func parse(
        _ text: String, currency: Currency, field: String = "amount", allowZero: Bool = false
    ) throws(FieldError) -> Money {
        func fail(_ message: String, _ code: FieldError.Code = .invalidValue) -> FieldError {
            FieldError(field: field, message: message, code: code)
        }
        let bytes = Array(text.utf8).trimmingASCIIWhitespace()
        guard !bytes.isEmpty else { throw fail("is required", .required) }
        if bytes[0] == UInt8(ascii: "-") { throw fail("must not be negative") }

        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw fail("must have at most one decimal point") }
        let integerPart = Array(parts[0])
        let fractionPart = parts.count == 2 ? Array(parts[1]) : []
        let isAllowed = { (byte: UInt8) in
            byte.isASCIIDigit || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")
        }
        guard bytes.allSatisfy(isAllowed) else {
            throw fail("must contain only digits, thousands commas and one decimal point")
        }
        guard !integerPart.isEmpty else { throw fail("must have digits before the decimal point") }
        if parts.count == 2 && fractionPart.isEmpty {
            throw fail("must have digits after the decimal point")
        }
        if fractionPart.contains(UInt8(ascii: ",")) {
            throw fail("must not have commas after the decimal point")
        }
        let integerDigits = try groupedDigits(integerPart, fail: fail)
        if fractionPart.count > currency.exponent {
            throw currency.exponent == 0
                ? fail("must be a whole number: \(currency.code) has no minor units")
                : fail("must have at most \(currency.exponent) decimal places for \(currency.code)")
        }

        // Whole units then each decimal digit, padded to the exponent, all with overflow checks.
        var value: Int64 = 0
        let padded = integerDigits + fractionPart + Array(
            repeating: UInt8(ascii: "0"), count: currency.exponent - fractionPart.count)
        for digit in padded {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(Int64(digit - UInt8(ascii: "0")))
            if o1 || o2 { throw fail("is too large") }
            value = next
        }
        if value == 0 && !allowZero { throw fail("must be greater than zero") }
        return Money(minorUnits: value, currency: currency)
    }

    /// The digits of an integer part, checking that any commas separate groups of three.
    private static func groupedDigits(
        _ part: [UInt8], fail: (String, FieldError.Code) -> FieldError
    ) throws(FieldError) -> [UInt8] {
        guard part.contains(UInt8(ascii: ",")) else { return part }
        let groups = part.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        let first = groups[0]
        let rest = groups.dropFirst()
        guard (1...3).contains(first.count), rest.allSatisfy({ $0.count == 3 }) else {
            throw fail("has a thousands comma in the wrong place", .invalidValue)
        }
        return Array(groups.joined())
    }
}

extension UInt8 {
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var isASCIIWhitespace: Bool {
        self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D || self == 0x0B || self == 0x0C
    }
}

extension Array where Element == UInt8 {
    func trimmingASCIIWhitespace() -> [UInt8] {
        guard let start = firstIndex(where: { !$0.isASCIIWhitespace }),
              let end = lastIndex(where: { !$0.isASCIIWhitespace }) else { return [] }
        return Array(self[start...end])
    }
}
