/// Reports a long phase's progress on stderr: a bar redrawn in place on a terminal, otherwise
/// occasional plain lines, and a summary line at the end.
///
/// On a terminal each update rewrites one line (`\r`, the line cut to the width, `ESC[K` to
/// clear what is left of a longer previous one), at most ten times a second. Into a pipe or log
/// it writes a line only when another `step` percent is done or `interval` seconds passed, so a
/// log of a 100 000-row pull stays a dozen lines. A single-threaded helper: not `Sendable`.
public final class ProgressReporter {
    public let phase: String
    public let total: Int?
    private let isTerminal: Bool
    private let width: Int
    private let write: (String) -> Void
    private let clock: () -> Double
    private let step: Int
    private let interval: Double
    private let started: Double
    private var lastWrite: Double
    private var lastPercent = 0
    private var done = 0

    /// - Parameters:
    ///   - write: receives text exactly as it should reach stderr (line ends included).
    ///   - clock: seconds on any monotonic scale; injectable for tests.
    public init(phase: String, total: Int?, isTerminal: Bool, width: Int = Terminal.defaultWidth,
                step: Int = 10, interval: Double = 5, clock: @escaping () -> Double,
                write: @escaping (String) -> Void) {
        self.phase = phase
        self.total = total
        self.isTerminal = isTerminal
        self.width = width
        self.step = max(1, step)
        self.interval = interval
        self.clock = clock
        self.write = write
        self.started = clock()
        self.lastWrite = -Double.infinity
    }

    /// Records that `done` items are finished, and reports if it is time to.
    public func update(done: Int) {
        self.done = done
        let now = clock()
        let perSecond = now > started ? Double(done) / (now - started) : 0
        if isTerminal {
            guard now - lastWrite >= 0.1 || done == total else { return }
            let line = ProgressFormat.terminalLine(phase: phase, done: done, total: total, perSecond: perSecond)
            write("\r" + DisplayWidth.truncate(line, to: max(1, width - 1)) + "\u{1B}[K")
        } else {
            let percent = total.map { $0 > 0 ? done * 100 / $0 : 100 } ?? 0
            let crossedStep = total != nil && percent >= lastPercent + step
            guard crossedStep || now - lastWrite >= interval else { return }
            if crossedStep { lastPercent = percent - percent % step }
            write(ProgressFormat.plainLine(phase: phase, done: done, total: total, perSecond: perSecond) + "\n")
        }
        lastWrite = now
    }

    /// Ends the phase with its summary line (clearing the bar on a terminal).
    public func finish() {
        let summary = ProgressFormat.summary(phase: phase, done: done, seconds: clock() - started)
        write((isTerminal ? "\r\u{1B}[K" : "") + summary + "\n")
    }
}
