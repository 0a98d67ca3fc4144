import FincoreModel

/// The demo's sense of time: every seeded instant lies before `limit`, the UTC midnight that
/// starts `today`, so that seeding is deterministic for a seed on a given day and no seeded
/// `updated_at` is ever in the future of a running server.
struct DemoClock: Sendable {
    let today: CivilDate
    /// Midnight UTC at the start of `today`: the first instant the demo never uses.
    let limit: Timestamp

    static let minute: Int64 = 60_000_000
    static let hour: Int64 = 3_600_000_000
    static let day: Int64 = 86_400_000_000

    init(today: CivilDate) {
        self.today = today
        limit = today.startOfDay
    }

    /// A random instant in East African business hours (08:00–19:00 EAT, 05:00–16:00 UTC) on `date`.
    func during(_ date: CivilDate, using rng: inout SeededRandom) -> Timestamp {
        date.startOfDay.adding(microseconds: rng.int64(in: 5 * Self.hour...16 * Self.hour - 1))
    }

    /// A random business-hours instant `days` days before today.
    func daysAgo(_ days: Int, using rng: inout SeededRandom) -> Timestamp {
        during(today.adding(days: -days), using: &rng)
    }

    /// `t` plus a random delay in `range` (microseconds).
    func after(_ t: Timestamp, _ range: ClosedRange<Int64>, using rng: inout SeededRandom) -> Timestamp {
        t.adding(microseconds: rng.int64(in: range))
    }

    /// Whole days from `t`'s date to today.
    func daysBefore(_ t: Timestamp) -> Int {
        Int(CivilDate(t).days(until: today))
    }
}
