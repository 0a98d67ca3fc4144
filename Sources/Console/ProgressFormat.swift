/// The text of progress reports, as pure functions so every shape is tested without a clock.
public enum ProgressFormat {
    /// A bar of `width` cells between brackets: `[#####-----]`. The fraction is clamped to 0…1.
    public static func bar(fraction: Double, width: Int) -> String {
        let cells = max(0, width)
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let filled = Int((clamped * Double(cells)).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: cells - filled) + "]"
    }

    /// A short duration: `7s`, `3m05s`, `1h02m`; `?` when unknown or absurd.
    public static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds >= 0, seconds < 100 * 3600 else { return "?" }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m" + twoDigits(whole % 60) + "s" }
        return "\(whole / 3600)h" + twoDigits(whole / 60 % 60) + "m"
    }

    /// Items per second, one decimal below 10 so slow phases do not read as 0.
    public static func rate(_ perSecond: Double) -> String {
        guard perSecond.isFinite, perSecond >= 0 else { return "?/s" }
        let tenths = Int((perSecond * 10).rounded())
        if tenths < 100 { return "\(tenths / 10).\(tenths % 10)/s" }
        return "\(Int(perSecond.rounded()))/s"
    }

    /// Seconds left at the current rate, nil when it cannot be known yet.
    public static func eta(done: Int, total: Int?, perSecond: Double) -> Double? {
        guard let total, perSecond > 0, perSecond.isFinite else { return nil }
        return Double(max(0, total - done)) / perSecond
    }

    /// The in-place terminal line: `pull clients [#####-----] 50/100 12.5/s ETA 4s`.
    public static func terminalLine(phase: String, done: Int, total: Int?, perSecond: Double, barWidth: Int = 20) -> String {
        guard let total, total > 0 else { return "\(phase) \(done) \(rate(perSecond))" }
        let bar = bar(fraction: Double(done) / Double(total), width: barWidth)
        let eta = duration(eta(done: done, total: total, perSecond: perSecond))
        return "\(phase) \(bar) \(done)/\(total) \(rate(perSecond)) ETA \(eta)"
    }

    /// A plain log line for pipes: `pull clients: 50/100 (50%), 12.5/s, ETA 4s`.
    public static func plainLine(phase: String, done: Int, total: Int?, perSecond: Double) -> String {
        guard let total, total > 0 else { return "\(phase): \(done), \(rate(perSecond))" }
        let percent = done * 100 / total
        let eta = duration(eta(done: done, total: total, perSecond: perSecond))
        return "\(phase): \(done)/\(total) (\(percent)%), \(rate(perSecond)), ETA \(eta)"
    }

    /// The closing line: `pull clients: 100 done in 8s (12.5/s)`.
    public static func summary(phase: String, done: Int, seconds: Double) -> String {
        let perSecond = seconds > 0 ? Double(done) / seconds : 0
        return "\(phase): \(done) done in \(duration(seconds)) (\(rate(perSecond)))"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
