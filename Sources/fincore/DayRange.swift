import Console
import FincoreModel

/// A day or a span of days as typed after `due`: `today`, `tomorrow`, `2026-12-01`, `2026-12-01..2026-12-07`.
struct DayRange: Sendable, Equatable {
    let from: CivilDate
    let to: CivilDate

    static func parse(_ text: String?, today: CivilDate) throws -> DayRange {
        guard let text, text != "today" else { return DayRange(from: today, to: today) }
        if text == "tomorrow" { return DayRange(from: today.adding(days: 1), to: today.adding(days: 1)) }
        if text == "week" { return DayRange(from: today, to: today.adding(days: 6)) }
        let parts = text.components(separatedBy: "..")
        let dates = parts.map { CivilDate($0) }
        guard (1...2).contains(parts.count), let from = dates.first ?? nil, let to = dates.last ?? nil else {
            throw CommandFailure("'\(text)' is not a day", hint: "give today, tomorrow, week, YYYY-MM-DD or FROM..TO",
                                 status: .usage)
        }
        guard from <= to else {
            throw CommandFailure("the range \(text) ends before it starts", status: .usage)
        }
        return DayRange(from: from, to: to)
    }
}
