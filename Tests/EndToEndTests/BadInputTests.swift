import Foundation
import XCTest

/// Bad inputs: each gives a clear error naming the command, and writes nothing.
final class BadInputTests: XCTestCase {
    /// `{client}`, `{loan}` (active), `{pending}` (a pending loan), `{payment}` are filled in.
    static let lines: [(line: String, expected: String)] = [
        ("frobnicate", "unknown command 'frobnicate'"),
        ("lona list", "did you mean 'loan'?"),
        ("loan aprove {loan}", "did you mean 'loan approve'?"),
        ("client add first_name=A last_name=B colour=red", "unknown field 'colour'"),
        ("client add first_name=A", "missing required field 'last_name'"),
        ("client add first_name=A last_name=B phone=0712", "phone"),
        ("client add first_name=A last_name=B email=nope", "email"),
        ("client add first_name=A last_name=B date_of_birth=2026-02-30", "expected a date as YYYY-MM-DD"),
        ("client add first_name=A last_name=B status=dead", "expected one of active, inactive"),
        ("client add first_name=A last_name=B kyc.id_type=visa", "kyc.id_type"),
        ("client add first_name=A last_name=B kyc.status=verified", "unknown field 'kyc.status'"),
        ("client add first_name= last_name=B", "first_name"),
        ("client add first_name=A last_name=B first_name=C", "given more than once"),
        ("client add =x first_name=A last_name=B", "has no name before '='"),
        ("client add first_name=\"A last_name=B", "unterminated"),
        ("client show cl_nothere", "no client cl_nothere"),
        ("client show 'Nobody Here'", "no client named 'Nobody Here'"),
        ("client edit {client}", "nothing to change"),
        ("client edit {client} phone=+1", "phone"),
        ("client delete {client}", "has loans"),
        ("kyc verify {client}", "cannot verify KYC that is verified"),
        ("kyc reject {client}", "missing required field 'reason'"),
        ("loan apply {client} principal=12.345 currency=KES interest_rate_bps=0 term_months=1", "principal"),
        ("loan apply {client} principal=-5 currency=KES interest_rate_bps=0 term_months=1", "must not be negative"),
        ("loan apply {client} principal=99999999999999999999 currency=KES interest_rate_bps=0 term_months=1", "principal"),
        ("loan apply {client} principal=0 currency=KES interest_rate_bps=0 term_months=1", "principal"),
        ("loan apply {client} principal=100 currency=XX interest_rate_bps=0 term_months=1", "currency"),
        ("loan apply {client} principal=100 currency=KES interest_rate_bps=0 term_months=500", "term_months"),
        ("loan apply {client} principal=100 currency=KES interest_rate_bps=ten term_months=1", "expected a whole number"),
        ("loan apply {client} principal=100 currency=KES interest_rate_bps=99999 term_months=1", "interest_rate_bps"),
        ("loan approve ln_nothere", "no loan ln_nothere"),
        ("loan approve notanid", "is not a loan id"),
        ("loan approve {loan}", "cannot approve a loan that is active"),
        ("loan disburse {pending} method=cash", "cannot disburse a loan that is pending"),
        ("loan disburse {loan} method=cheque", "expected one of cash"),
        ("loan edit {loan} term_months=3", "cannot edit a loan that is active"),
        ("loan write_off {pending} reason=x", "cannot write off a loan that is pending"),
        ("loan withdraw {loan}", "cannot withdraw a loan that is active"),
        ("repay {loan} amount=12.345 method=cash", "amount"),
        ("repay {loan} amount=-1 method=cash", "must not be negative"),
        ("repay {loan} amount=99999999 method=cash", "amount"),
        ("repay {loan} amount=10", "missing required field 'method'"),
        ("repay {pending} amount=10 method=cash", "pending"),
        ("repay {loan} amount=10 method=cash extra", "unexpected argument 'extra'"),
        ("payment show py_nothere", "no payment py_nothere"),
        ("payment reverse {payment}", "missing required field 'reason'"),
        ("link create {loan} amount=abc", "amount"),
        ("link cancel pl_nothere", "no payment link pl_nothere"),
        ("due 2026-13-01", "is not a day"),
        ("due 2026-12-05..2026-12-01", "ends before it starts"),
        ("cash yesterday-ish", "is not a date"),
        ("outbox retry 99999", "no outbox entry 99999"),
        ("outbox drop abc", "no outbox entry abc"),
        ("resolve 1 maybe", "resolve"),
        ("set format xml", "invalid value 'xml'"),
        ("offline maybe", "expected on or off"),
        ("report export planets", "RESOURCE"),
        ("webhook show nothook", "is not a webhook id"),
        ("help frobnicate", "unknown command 'frobnicate'"),
    ]

    func testEachBadInputIsRefusedAndWritesNothing() throws {
        let fixture = try AgentFixture()
        let add = try fixture.script("client add first_name=Bad last_name=Input kyc.id_type=national_id kyc.id_number=KYC-SECRET-77")
        let client = try XCTUnwrap(AgentFixture.savedID(add.stdout), add.stderr)
        let loanRun = try fixture.script("kyc verify \(client); loan apply \(client) principal=1000 currency=KES "
            + "interest_rate_bps=0 term_months=2")
        let loan = try XCTUnwrap(AgentFixture.savedID(loanRun.stdout))
        _ = try fixture.script("loan approve \(loan); loan disburse \(loan) method=cash")
        let pending = try XCTUnwrap(AgentFixture.savedID(try fixture.script(
            "loan apply \(client) principal=10 currency=KES interest_rate_bps=0 term_months=1").stdout))
        let payment = try XCTUnwrap(AgentFixture.savedID(try fixture.script("repay \(loan) amount=10 method=cash").stdout))
        let before = try fixture.pendingCount()
        XCTAssertGreaterThanOrEqual(Self.lines.count, 40)

        for (template, expected) in Self.lines {
            let line = template.replacingOccurrences(of: "{client}", with: client)
                .replacingOccurrences(of: "{loan}", with: loan).replacingOccurrences(of: "{pending}", with: pending)
                .replacingOccurrences(of: "{payment}", with: payment)
            let result = try fixture.run(["--keep-going", "--format", "csv", "-c", line + "\noutbox"])
            XCTAssertTrue([1, 2].contains(result.status), "\(line): status \(result.status) \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("-c:1: error: "), "\(line): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(expected), "\(line): expected '\(expected)' in \(result.stderr)")
            XCTAssertEqual(result.stdout.split(separator: "\n").count - 1, before, "\(line) wrote something")
            XCTAssertFalse((result.stdout + result.stderr).contains("KYC-SECRET-77"), "\(line): a KYC number leaked")
        }
    }

    func testUnreadableScripts() throws {
        let fixture = try AgentFixture()
        let garbage = try fixture.run([], stdin: String(decoding: [0xFF, 0xFE, 0x00, 0x9F, 0x0A], as: UTF8.self))
        XCTAssertNotEqual(garbage.status, 0)

        let binary = fixture.home + "/binary.fc"
        try Data([0x66, 0xC3, 0x28, 0x0A]).write(to: URL(fileURLWithPath: binary))
        let bad = try fixture.run(["-f", binary])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("\(binary):1: error: line is not valid UTF-8"), bad.stderr)

        let empty = fixture.home + "/empty.fc"
        try Data().write(to: URL(fileURLWithPath: empty))
        let none = try fixture.run(["-f", empty])
        XCTAssertEqual(none.status, 0)
        XCTAssertEqual(none.stdout, "")

        let huge = fixture.home + "/huge.fc"
        try Data(("client find " + String(repeating: "a", count: 1 << 20) + "\n").utf8).write(to: URL(fileURLWithPath: huge))
        let long = try fixture.run(["-f", huge])
        XCTAssertEqual(long.status, 2)
        XCTAssertTrue(long.stderr.contains("\(huge):1: error: line longer than"), long.stderr)

        let missing = try fixture.run(["-f", fixture.home + "/nope.fc"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("cannot open"), missing.stderr)
        XCTAssertEqual(try fixture.pendingCount(), 0)
    }

    func testAKeyIsNeverAnArgumentAndNeverPrinted() throws {
        let fixture = try AgentFixture()
        let login = try fixture.run(["login", "sk_test_secret_value"])
        XCTAssertEqual(login.status, 2)
        XCTAssertFalse(login.stderr.contains("sk_test_secret_value"), login.stderr)
        var env = fixture.environment
        env["FINCORE_API_KEY"] = "sk_test_wrong_key_123"
        let refused = try FincoreProcess.run(["-c", "webhook list"], environment: env)
        XCTAssertEqual(refused.status, 5, refused.stderr)
        XCTAssertFalse((refused.stdout + refused.stderr).contains("sk_test_wrong_key_123"))
    }
}
