import Console
import XCTest

final class ErrorRendererTests: XCTestCase {
    private struct ServerDown: CommandFailureConvertible {
        var commandFailure: CommandFailure {
            CommandFailure("server unreachable", hint: "edits stay in the outbox; run 'sync' later", status: .offline)
        }
    }

    private struct Opaque: Error {
        let kycIDNumber = "12345678"
    }

    func testInteractiveAndScriptPrefixes() {
        let failure = CommandFailure("client cl_7 KYC is pending", command: "loan approve", hint: "verify KYC first")
        XCTAssertEqual(ErrorRenderer.text(for: failure), "error: loan approve: client cl_7 KYC is pending\nhint: verify KYC first")
        XCTAssertEqual(ErrorRenderer.lines(for: failure, at: SourceLocation(name: "-c", line: 1)),
                       ["-c:1: error: loan approve: client cl_7 KYC is pending", "hint: verify KYC first"])
        XCTAssertEqual(ErrorRenderer.text(for: CommandFailure("bad"), at: SourceLocation(name: "<stdin>", line: 12)),
                       "<stdin>:12: error: bad")
    }

    func testUsageErrorsCarryDidYouMeanAndStatus2() {
        let outcome = CommandOutcome.usage(.unknownField("amout", suggestion: "amount"), command: "loan repay")
        XCTAssertEqual(outcome.status, .usage)
        XCTAssertEqual(outcome.failure.map { ErrorRenderer.text(for: $0) },
                       "error: loan repay: unknown field 'amout'; did you mean 'amount'?\nhint: run 'help loan repay' for its usage")
    }

    func testClassifiesErrorsWithoutDumpingTheirContents() {
        XCTAssertEqual(ErrorRenderer.failure(for: ServerDown()).status, .offline)
        XCTAssertEqual(ErrorRenderer.failure(for: UsageError.missingField("amount")),
                       CommandFailure("missing required field 'amount'", status: .usage))
        XCTAssertEqual(ErrorRenderer.failure(for: TokenizerError.trailingBackslash(column: 4)).status, .usage)
        let opaque = ErrorRenderer.failure(for: Opaque())
        XCTAssertEqual(opaque.status, .failure)
        XCTAssertTrue(opaque.message.hasPrefix("internal error: "))
        XCTAssertFalse(opaque.message.contains("12345678"), opaque.message)
    }
}
