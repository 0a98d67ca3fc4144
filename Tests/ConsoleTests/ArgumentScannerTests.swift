import Console
import XCTest

final class ArgumentScannerTests: XCTestCase {
    private let scanner = ArgumentScanner(options: [
        OptionSpec("port", short: "p", value: "PORT", help: "port"),
        OptionSpec("host", value: "HOST", help: "host"),
        OptionSpec("verbose", short: "v", help: "talk more"),
    ])

    func testValuesFlagsAndPositionals() throws {
        let parsed = try scanner.scan(["--port", "8080", "-v", "run", "--host=127.0.0.1", "x"])
        XCTAssertEqual(parsed.value("port"), "8080")
        XCTAssertEqual(parsed.value("host"), "127.0.0.1")
        XCTAssertTrue(parsed.has("verbose"))
        XCTAssertEqual(parsed.positionals, ["run", "x"])
    }

    func testShortOptionTakesNextWordAndLaterValueWins() throws {
        let parsed = try scanner.scan(["-p", "1", "--port=2"])
        XCTAssertEqual(parsed.values["port"], ["1", "2"])
        XCTAssertEqual(parsed.value("port"), "2")
    }

    func testDoubleDashEndsOptions() throws {
        let parsed = try scanner.scan(["--", "--port", "-v"])
        XCTAssertEqual(parsed.positionals, ["--port", "-v"])
        XCTAssertTrue(parsed.values.isEmpty)
    }

    func testEqualsValueMayBeEmptyOrContainEquals() throws {
        XCTAssertEqual(try scanner.scan(["--host="]).value("host"), "")
        XCTAssertEqual(try scanner.scan(["--host=a=b"]).value("host"), "a=b")
    }

    func testUnknownOptionNamesTheTokenAndSuggests() {
        XCTAssertThrowsError(try scanner.scan(["--prot", "1"])) { error in
            XCTAssertEqual(error as? UsageError, .unknownOption("--prot", suggestion: "--port"))
            XCTAssertEqual((error as? UsageError)?.message, "unknown option '--prot'; did you mean '--port'?")
        }
        XCTAssertThrowsError(try scanner.scan(["--frobnicate"])) { error in
            XCTAssertEqual(error as? UsageError, .unknownOption("--frobnicate", suggestion: nil))
        }
        XCTAssertThrowsError(try scanner.scan(["-x"])) { error in
            XCTAssertEqual(error as? UsageError, .unknownOption("-x", suggestion: nil))
        }
    }

    func testMissingAndUnexpectedValues() {
        XCTAssertThrowsError(try scanner.scan(["--port"])) { error in
            XCTAssertEqual(error as? UsageError, .missingValue(option: "port"))
        }
        XCTAssertThrowsError(try scanner.scan(["--verbose=yes"])) { error in
            XCTAssertEqual(error as? UsageError, .unexpectedValue(option: "verbose", value: "yes"))
        }
    }

    func testSubcommandModeLeavesTheRestUnscanned() throws {
        let top = ArgumentScanner(options: [OptionSpec("help", help: "")], optionsAfterPositionals: false)
        let parsed = try top.scan(["sandbox", "--port", "0", "--help"])
        XCTAssertEqual(parsed.positionals, ["sandbox", "--port", "0", "--help"])
        XCTAssertFalse(parsed.has("help"))
    }

    func testLoneDashIsAPositional() throws {
        XCTAssertEqual(try scanner.scan(["-"]).positionals, ["-"])
    }
}
