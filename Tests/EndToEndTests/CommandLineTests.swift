import XCTest

/// The binary's top-level manners: help, version, and usage errors with exit status 2.
final class CommandLineTests: XCTestCase {
    func testVersion() throws {
        let result = try FincoreProcess.run(["--version"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.hasPrefix("fincore "), result.stdout)
        XCTAssertEqual(result.stderr, "")
    }

    func testHelpListsOptionsAndExitStatuses() throws {
        for flag in ["--help", "-h"] {
            let result = try FincoreProcess.run([flag])
            XCTAssertEqual(result.status, 0)
            XCTAssertTrue(result.stdout.contains("USAGE: fincore"), result.stdout)
            XCTAssertTrue(result.stdout.contains("--version"))
            XCTAssertTrue(result.stdout.contains("EXIT STATUS"))
        }
    }

    func testUnknownOptionIsAUsageErrorNamingIt() throws {
        let result = try FincoreProcess.run(["--frobnicate"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("unknown option '--frobnicate'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("--help"), result.stderr)
    }

    func testMistypedOptionSuggestsTheNearest() throws {
        let result = try FincoreProcess.run(["--verison"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("did you mean '--version'?"), result.stderr)
    }

    func testUnknownCommandIsAUsageError() throws {
        let result = try FincoreProcess.run(["frobnicate"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("unknown command 'frobnicate'"), result.stderr)
    }
}
