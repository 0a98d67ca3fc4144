/// Writing money with its currency's decimals, exactly.
extension Money: CustomStringConvertible {
    /// For people: grouped with commas, the currency's decimals, then the code: `4,500.50 KES`.
    public var displayString: String { "\(digits(grouped: true)) \(currency.code)" }

    /// For machines and CSV: no grouping, no code, the currency's decimals: `4500.50`.
    /// `Money.parse` reads this form back to the same value.
    public var plainString: String { digits(grouped: false) }

    public var description: String { displayString }

    private func digits(grouped: Bool) -> String {
        // The magnitude as UInt64 so that Int64.min formats instead of trapping.
        let magnitude = minorUnits.magnitude
        var scale: UInt64 = 1
        for _ in 0..<currency.exponent { scale *= 10 }
        var whole = String(magnitude / scale)
        if grouped {
            var out = ""
            for (i, ch) in whole.enumerated() {
                if i > 0 && (whole.count - i) % 3 == 0 { out.append(",") }
                out.append(ch)
            }
            whole = out
        }
        var text = minorUnits < 0 ? "-" + whole : whole
        if currency.exponent > 0 {
            let fraction = String(magnitude % scale)
            text += "." + String(repeating: "0", count: currency.exponent - fraction.count) + fraction
        }
        return text
    }
}
