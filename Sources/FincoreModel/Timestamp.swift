import Foundation

/// An instant, exact to the microsecond: Int64 microseconds since 1970-01-01T00:00:00Z.
///
/// The contract's timestamps are "RFC 3339 UTC with microseconds (`2026-11-24T09:15:02.123456Z`)"
/// (§ Conventions) and incremental sync compares them (`updated_since`, `(updated_at, id)`), so
/// they are integers: comparable and exact, never `Double`. `Date` appears only at the edge,
/// for reading a clock.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let microsecondsSinceEpoch: Int64

    public init(microsecondsSinceEpoch: Int64) {
        self.microsecondsSinceEpoch = microsecondsSinceEpoch
    }

    /// The instant of a clock reading, truncated to the microsecond (clocks only: `Date` is a Double).
    public init(_ date: Date) {
        let micros = (date.timeIntervalSince1970 * 1_000_000).rounded(.down)
        if let exact = Int64(exactly: micros) {
            microsecondsSinceEpoch = exact
        } else {
            microsecondsSinceEpoch = micros < 0 ? Int64.min : Int64.max
        }
    }

    /// Now, from the system clock.
    public static func now() -> Timestamp { Timestamp(Date()) }

    /// The same instant as a Foundation `Date` (for clocks and timers only).
    public var date: Date {
        Date(timeIntervalSince1970: Double(microsecondsSinceEpoch) / 1_000_000)
    }

    /// Whole seconds since the epoch, rounded down (webhook signatures' `t=`).
    public var unixSeconds: Int64 {
        let m = microsecondsSinceEpoch
        return m >= 0 ? m / 1_000_000 : -((-(m + 1)) / 1_000_000) - 1
    }

    /// The instant `microseconds` later, saturating at the ends of Int64.
    public func adding(microseconds: Int64) -> Timestamp {
        let (sum, overflow) = microsecondsSinceEpoch.addingReportingOverflow(microseconds)
        if overflow { return Timestamp(microsecondsSinceEpoch: microseconds < 0 ? .min : .max) }
        return Timestamp(microsecondsSinceEpoch: sum)
    }

    /// The instant `seconds` later (the 10-second commit-lag window, the 300-second webhook tolerance).
    public func adding(seconds: Int64) -> Timestamp {
        let (micros, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000)
        if overflow { return Timestamp(microsecondsSinceEpoch: seconds < 0 ? .min : .max) }
        return adding(microseconds: micros)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.microsecondsSinceEpoch < rhs.microsecondsSinceEpoch
    }

    /// RFC 3339 in UTC with exactly six fractional digits: `2026-11-24T09:15:02.123456Z`.
    public var description: String {
        let perDay = Int64(86_400_000_000)
        let date = CivilDate(self)
        let micros = microsecondsSinceEpoch - date.daysSinceEpoch * perDay
        let seconds = Int(micros / 1_000_000)
        let fraction = Int(micros % 1_000_000)
        return "\(date)T\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
            + ".\(pad(fraction, 6))Z"
    }
}
