/// Checked arithmetic on money: overflow and mixed currencies are errors, never traps.
extension Money {
    /// `self + other`, or `overflow` / `currencyMismatch`.
    public func adding(_ other: Money) throws(ModelError) -> Money {
        try sameCurrency(other)
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        if overflow { throw ModelError(.overflow, "the sum of the amounts is too large") }
        return Money(minorUnits: sum, currency: currency)
    }

    /// `self - other`, or `overflow` / `currencyMismatch`.
    public func subtracting(_ other: Money) throws(ModelError) -> Money {
        try sameCurrency(other)
        let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
        if overflow { throw ModelError(.overflow, "the difference of the amounts is too large") }
        return Money(minorUnits: difference, currency: currency)
    }

    /// `self × factor`, or `overflow`.
    public func multiplied(by factor: Int64) throws(ModelError) -> Money {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: factor)
        if overflow { throw ModelError(.overflow, "the product is too large") }
        return Money(minorUnits: product, currency: currency)
    }

    /// Orders two amounts of the same currency; comparing across currencies is an error.
    public func compare(_ other: Money) throws(ModelError) -> Ordering {
        try sameCurrency(other)
        if minorUnits < other.minorUnits { return .less }
        return minorUnits == other.minorUnits ? .equal : .greater
    }

    /// The result of `compare`.
    public enum Ordering: Sendable { case less, equal, greater }

    /// The sum of `amounts`, all in `currency`.
    public static func sum(_ amounts: [Money], currency: Currency) throws(ModelError) -> Money {
        var total = Money.zero(currency)
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    private func sameCurrency(_ other: Money) throws(ModelError) {
        guard currency == other.currency else {
            throw ModelError(.currencyMismatch, "cannot combine \(currency.code) with \(other.currency.code)")
        }
    }
}
