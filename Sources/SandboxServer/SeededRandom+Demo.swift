/// Draws the demo data and the background writers need, all from the seeded generator so that
/// a seed replays exactly.
extension SeededRandom {
    /// An integer in `range`, uniformly.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// An Int64 in `range`, uniformly.
    mutating func int64(in range: ClosedRange<Int64>) -> Int64 {
        Int64.random(in: range, using: &self)
    }

    /// One element of a non-empty table (the first when it is empty cannot happen: tables are literals).
    mutating func pick<T>(_ table: [T]) -> T {
        table[Int(next(upperBound: UInt64(table.count)))]
    }

    /// A choice weighted by integer weights; the last choice when all weights are 0.
    mutating func weighted<T>(_ table: [(T, Int)]) -> T {
        let total = table.reduce(0) { $0 + $1.1 }
        var draw = total > 0 ? Int(next(upperBound: UInt64(total))) : 0
        for (value, weight) in table {
            if draw < weight { return value }
            draw -= weight
        }
        return table[table.count - 1].0
    }

    /// `count` characters from `alphabet` (references, receipt codes, id numbers).
    mutating func characters(_ count: Int, from alphabet: [UInt8]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        for _ in 0..<count { bytes.append(pick(alphabet)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let digits = Array("0123456789".utf8)
    static let upperAlphanumerics = Array("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".utf8)
}
