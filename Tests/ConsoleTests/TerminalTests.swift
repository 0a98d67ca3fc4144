import Console
import XCTest

final class TerminalTests: XCTestCase {
    func testWidthFallsBackFromWindowToColumnsTo80() {
        XCTAssertEqual(Terminal.resolveWidth(windowColumns: 132, environment: ["COLUMNS": "100"]), 132)
        XCTAssertEqual(Terminal.resolveWidth(windowColumns: nil, environment: ["COLUMNS": "100"]), 100)
        XCTAssertEqual(Terminal.resolveWidth(windowColumns: 0, environment: ["COLUMNS": "wide"]), 80)
        XCTAssertEqual(Terminal.resolveWidth(windowColumns: nil, environment: [:]), 80)
    }

    func testColourOnlyOnAnInteractiveTerminalWithoutNO_COLOR() {
        XCTAssertTrue(Terminal.wantsColour(isOutputTerminal: true, scripted: false, environment: [:]))
        XCTAssertFalse(Terminal.wantsColour(isOutputTerminal: false, scripted: false, environment: [:]))
        XCTAssertFalse(Terminal.wantsColour(isOutputTerminal: true, scripted: true, environment: [:]))
        XCTAssertFalse(Terminal.wantsColour(isOutputTerminal: true, scripted: false, environment: ["NO_COLOR": "1"]))
        XCTAssertTrue(Terminal.wantsColour(isOutputTerminal: true, scripted: false, environment: ["NO_COLOR": ""]))
        XCTAssertFalse(Terminal.wantsColour(isOutputTerminal: true, scripted: false, environment: ["TERM": "dumb"]))
    }

    func testStylesAreNoOpsWithoutColour() {
        let plain = Style(enabled: false)
        XCTAssertEqual(plain.red("error") + plain.bold("x") + plain.dim("y"), "errorxy")
        let colour = Style(enabled: true)
        XCTAssertEqual(colour.red("error"), "\u{1B}[31merror\u{1B}[0m")
        XCTAssertEqual(colour.bold("b"), "\u{1B}[1mb\u{1B}[0m")
        XCTAssertEqual(colour.green(""), "")
    }

    func testTestsRunWithoutATerminalOnStdout() {
        // Under `swift test` stdout is a pipe: the probe must say so and not colour.
        let terminal = Terminal.current(scripted: false, environment: ["COLUMNS": "77"])
        if !terminal.isOutputTerminal {
            XCTAssertEqual(terminal.width, 77)
            XCTAssertFalse(terminal.usesColour)
        }
    }
}
