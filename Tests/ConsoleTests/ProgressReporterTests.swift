import Console
import XCTest

final class ProgressReporterTests: XCTestCase {
    func testBarAtZeroHalfAndFull() {
        XCTAssertEqual(ProgressFormat.bar(fraction: 0, width: 10), "[----------]")
        XCTAssertEqual(ProgressFormat.bar(fraction: 0.5, width: 10), "[#####-----]")
        XCTAssertEqual(ProgressFormat.bar(fraction: 1, width: 10), "[##########]")
        XCTAssertEqual(ProgressFormat.bar(fraction: 1.7, width: 4), "[####]")
        XCTAssertEqual(ProgressFormat.bar(fraction: .nan, width: 4), "[----]")
    }

    func testDurationsRatesAndETA() {
        XCTAssertEqual(ProgressFormat.duration(7.4), "7s")
        XCTAssertEqual(ProgressFormat.duration(185), "3m05s")
        XCTAssertEqual(ProgressFormat.duration(3720), "1h02m")
        XCTAssertEqual(ProgressFormat.duration(nil), "?")
        XCTAssertEqual(ProgressFormat.duration(.infinity), "?")
        XCTAssertEqual(ProgressFormat.rate(12.5), "13/s")
        XCTAssertEqual(ProgressFormat.rate(2.25), "2.3/s")
        XCTAssertEqual(ProgressFormat.rate(0), "0.0/s")
        XCTAssertEqual(ProgressFormat.rate(9.99), "10/s")
        XCTAssertEqual(ProgressFormat.eta(done: 50, total: 100, perSecond: 12.5), 4)
        XCTAssertNil(ProgressFormat.eta(done: 0, total: 100, perSecond: 0))
        XCTAssertNil(ProgressFormat.eta(done: 5, total: nil, perSecond: 1))
    }

    func testLines() {
        XCTAssertEqual(ProgressFormat.terminalLine(phase: "pull clients", done: 0, total: 100, perSecond: 0, barWidth: 10),
                       "pull clients [----------] 0/100 0.0/s ETA ?")
        XCTAssertEqual(ProgressFormat.terminalLine(phase: "pull clients", done: 50, total: 100, perSecond: 12.5, barWidth: 10),
                       "pull clients [#####-----] 50/100 13/s ETA 4s")
        XCTAssertEqual(ProgressFormat.terminalLine(phase: "pull clients", done: 100, total: 100, perSecond: 12.5, barWidth: 10),
                       "pull clients [##########] 100/100 13/s ETA 0s")
        XCTAssertEqual(ProgressFormat.terminalLine(phase: "push", done: 7, total: nil, perSecond: 3.5), "push 7 3.5/s")
        XCTAssertEqual(ProgressFormat.plainLine(phase: "pull loans", done: 250, total: 1000, perSecond: 50),
                       "pull loans: 250/1000 (25%), 50/s, ETA 15s")
        XCTAssertEqual(ProgressFormat.summary(phase: "pull loans", done: 1000, seconds: 20), "pull loans: 1000 done in 20s (50/s)")
    }

    /// A clock the test moves by hand.
    private final class ManualClock {
        var now = 0.0
    }

    func testPlainReportsAtMostEveryStepOrInterval() {
        let clock = ManualClock()
        var written: [String] = []
        let reporter = ProgressReporter(phase: "pull", total: 100, isTerminal: false, step: 25, interval: 60,
                                        clock: { clock.now }, write: { written.append($0) })
        for done in 1...100 {
            clock.now += 0.125   // exact in binary, so rates and ETAs are exact too
            reporter.update(done: done)
        }
        reporter.finish()
        XCTAssertEqual(written, [
            "pull: 1/100 (1%), 8.0/s, ETA 12s\n",
            "pull: 25/100 (25%), 8.0/s, ETA 9s\n",
            "pull: 50/100 (50%), 8.0/s, ETA 6s\n",
            "pull: 75/100 (75%), 8.0/s, ETA 3s\n",
            "pull: 100/100 (100%), 8.0/s, ETA 0s\n",
            "pull: 100 done in 13s (8.0/s)\n",
        ])
    }

    func testTerminalRedrawsInPlaceAndClearsForTheSummary() {
        let clock = ManualClock()
        var written: [String] = []
        let reporter = ProgressReporter(phase: "pull", total: 10, isTerminal: true, width: 60,
                                        clock: { clock.now }, write: { written.append($0) })
        clock.now = 1
        reporter.update(done: 5)
        clock.now = 1.05
        reporter.update(done: 6)   // too soon after the last redraw: skipped
        clock.now = 2
        reporter.update(done: 10)
        reporter.finish()
        XCTAssertEqual(written, [
            "\rpull [##########----------] 5/10 5.0/s ETA 1s\u{1B}[K",
            "\rpull [####################] 10/10 5.0/s ETA 0s\u{1B}[K",
            "\r\u{1B}[Kpull: 10 done in 2s (5.0/s)\n",
        ])
    }
}
