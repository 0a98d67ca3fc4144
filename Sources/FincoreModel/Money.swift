/// An exact amount of money: an Int64 count of minor units in one currency.
///
/// The contract's money is "an integer count of minor units plus an ISO 4217 `currency`…
/// Never floating point" (§ Conventions). Nothing here ever goes through `Double`: parsing is
/// digit arithmetic (`Money+Parsing`), arithmetic is checked (`Money+Arithmetic`).
/// Amounts may be negative in arithmetic (a difference); the wire fields that carry amounts
/// are validated to be positive where the contract says so.
public struct Money: Hashable, Sendable {
    /// The amount in minor units: `450000` KES is 4,500.00 KES.
    public var minorUnits: Int64
    public var currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero in `currency`.
    public static func zero(_ currency: Currency) -> Money {
        Money(minorUnits: 0, currency: currency)
    }

    public var isZero: Bool { minorUnits == 0 }
    public var isPositive: Bool { minorUnits > 0 }
    public var isNegative: Bool { minorUnits < 0 }
}
