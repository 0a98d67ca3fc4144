import Console
import XCTest

/// What the fake context records: the commands run and whether they were dry runs.
final class RecordingContext: @unchecked Sendable {
    private let lock = NSLock()
    private var _calls: [String] = []
    var calls: [String] { lock.withLock { _calls } }
    func record(_ call: String) { lock.withLock { _calls.append(call) } }
}

/// Collects written text; `@unchecked` because the lock guards the buffer.
final class Capture: @unchecked Sendable {
    private let lock = NSLock()
    private var _text: [String] = []
    var lines: [String] { lock.withLock { _text } }
    var text: String { lines.joined(separator: "\n") }
    func write(_ line: String) { lock.withLock { _text.append(line) } }
}

enum Fixtures {
    static let methods = ["mobile_money", "bank_transfer", "cash"]

    static let specs: [CommandSpec] = [
        CommandSpec("client add", group: "Clients", summary: "Add a client.",
                    fields: [FieldSpec("name", required: true, help: "full name"),
                             FieldSpec("phone", .phone, help: "mobile number"),
                             FieldSpec("kyc.id_number", help: "national id number")],
                    edits: true),
        CommandSpec("client show", group: "Clients", summary: "Show a client.",
                    arguments: [ArgumentSpec("CLIENT", .clientID, help: "the client, by id or name")]),
        CommandSpec("loan approve", group: "Loans", summary: "Approve a pending loan.",
                    details: "Approval needs verified KYC; the server decides.",
                    arguments: [ArgumentSpec("LOAN", .loanID, help: "the loan to approve")],
                    fields: [FieldSpec("note", help: "why, for the audit trail")],
                    examples: ["loan approve ln_8f2 note=\"checked payslips\""],
                    needsServer: true, edits: true),
        CommandSpec("loan repay", group: "Loans", summary: "Record a repayment.",
                    arguments: [ArgumentSpec("LOAN", .loanID)],
                    fields: [FieldSpec("amount", .money, required: true, help: "amount paid"),
                             FieldSpec("method", .oneOf(methods), required: true, help: "how it was paid"),
                             FieldSpec("on", .date, help: "when (default today)"),
                             FieldSpec("client", .reference(.clientID), help: "payer if not the borrower")],
                    edits: true),
        CommandSpec("sync", group: "Sync", summary: "Push edits, then pull changes.", needsServer: true),
        CommandSpec("sync plan", group: "Sync", summary: "Show what a sync would do."),
    ]

    static func table() -> CommandTable<RecordingContext> {
        var table = CommandTable<RecordingContext>()
        for spec in specs {
            table.register(spec) { invocation, context in
                let fields = invocation.arguments.fields.map { "\($0.key)=\($0.value)" }
                let call = ([invocation.spec.name] + invocation.arguments.positionals + fields).joined(separator: " ")
                context.record((invocation.dryRun ? "check " : "") + call)
                if invocation.arguments.positionals.first == "ln_pending" {
                    throw CommandFailure("client cl_7 KYC is pending", hint: "verify KYC first: client kyc cl_7")
                }
                if invocation.arguments.positionals.first == "ln_offline" {
                    return .failed(.offline, "saved to the outbox; the server is unreachable")
                }
                return .success
            }
        }
        return table
    }
}

final class CommandTableTests: XCTestCase {
    private let table = Fixtures.table()

    private func run(_ line: String, dryRun: Bool = false) async throws -> (CommandOutcome, RecordingContext, Capture) {
        let context = RecordingContext()
        let output = Capture()
        let outcome = await table.dispatch(try CommandLineTokenizer.words(line), context: context, dryRun: dryRun,
                                           write: { output.write($0) })
        return (outcome, context, output)
    }

    func testLongestPathWins() throws {
        XCTAssertEqual(try table.resolve(["sync"]).spec.name, "sync")
        XCTAssertEqual(try table.resolve(["sync", "plan"]).spec.name, "sync plan")
        XCTAssertEqual(try table.resolve(["sync", "plan", "x"]).consumed, 2)
        XCTAssertEqual(try table.resolve(["sync", "now"]).spec.name, "sync")
    }

    func testUnknownCommandsNameTheTypoAndSuggest() {
        XCTAssertThrowsError(try table.resolve(["lon", "approve"])) { error in
            XCTAssertEqual(error as? UsageError, .unknownCommand("lon", suggestion: "loan"))
        }
        XCTAssertThrowsError(try table.resolve(["loan", "aprove", "ln_1"])) { error in
            XCTAssertEqual(error as? UsageError, .unknownCommand("loan aprove", suggestion: "loan approve"))
            XCTAssertEqual((error as? UsageError)?.message, "unknown command 'loan aprove'; did you mean 'loan approve'?")
        }
        XCTAssertThrowsError(try table.resolve(["frobnicate"])) { error in
            XCTAssertEqual(error as? UsageError, .unknownCommand("frobnicate", suggestion: nil))
        }
    }

    func testDispatchRunsWithCheckedArguments() async throws {
        let (outcome, context, _) = try await run("loan repay ln_1 amount=100 method=cash")
        XCTAssertEqual(outcome, .success)
        XCTAssertEqual(context.calls, ["loan repay ln_1 amount=100 method=cash"])
        let (_, checked, _) = try await run("loan repay ln_1 amount=100 method=cash", dryRun: true)
        XCTAssertEqual(checked.calls, ["check loan repay ln_1 amount=100 method=cash"])
    }

    func testFieldErrorsNameTheFieldAndNeverRun() async throws {
        let cases: [(String, String)] = [
            ("loan repay ln_1 amout=100 method=cash", "unknown field 'amout'; did you mean 'amount'?"),
            ("loan repay ln_1 method=cash", "missing required field 'amount'"),
            ("loan repay ln_1 amount=1 method=mobile", "invalid value 'mobile' for field 'method': expected one of mobile_money, bank_transfer, cash"),
            ("loan repay ln_1 amount=1 method=csh", "invalid value 'csh' for field 'method': expected one of mobile_money, bank_transfer, cash; did you mean 'cash'?"),
            ("loan repay ln_1 amount=1 method=cash on=31/12/2025", "invalid value '31/12/2025' for field 'on': expected a date as YYYY-MM-DD"),
            ("loan repay amount=1 method=cash", "missing argument LOAN"),
            ("client show cl_1 cl_2", "unexpected argument 'cl_2'"),
        ]
        for (line, message) in cases {
            let (outcome, context, _) = try await run(line)
            XCTAssertEqual(outcome.status, .usage, line)
            XCTAssertEqual(outcome.failure?.message, message, line)
            XCTAssertEqual(context.calls, [], line)
        }
        let (outcome, _, _) = try await run("loan repay ln_1 amout=100 method=cash")
        XCTAssertEqual(outcome.failure?.command, "loan repay")
        XCTAssertEqual(outcome.failure?.hint, "run 'help loan repay' for its usage")
    }

    func testThrownAndReturnedFailuresAreAttributedToTheCommand() async throws {
        let (refused, _, _) = try await run("loan approve ln_pending")
        XCTAssertEqual(refused, .failure(CommandFailure("client cl_7 KYC is pending", command: "loan approve",
                                                        hint: "verify KYC first: client kyc cl_7", status: .refused)))
        let (offline, _, _) = try await run("loan approve ln_offline")
        XCTAssertEqual(offline.status, .offline)
        XCTAssertEqual(offline.failure?.command, "loan approve")
    }

    func testUnknownCommandOutcomePointsAtHelp() async throws {
        let (outcome, _, _) = try await run("lona list")
        XCTAssertEqual(outcome, .failure(CommandFailure("unknown command 'lona'; did you mean 'loan'?",
                                                        hint: "run 'help' for the list of commands", status: .usage)))
    }

    func testHelpListsCommandsGrouped() async throws {
        let (outcome, _, output) = try await run("help")
        XCTAssertEqual(outcome, .success)
        XCTAssertEqual(output.text, """
        Commands:

        help:
          help           List commands, or show one command's usage and fields.

        Clients:
          client add     Add a client.
          client show    Show a client.

        Loans:
          loan approve   Approve a pending loan.
          loan repay     Record a repayment.

        Sync:
          sync           Push edits, then pull changes.
          sync plan      Show what a sync would do.

        Run 'help COMMAND' for a command's arguments, fields and examples.
        """)
    }

    func testHelpForOneCommand() async throws {
        let (_, _, output) = try await run("help loan approve")
        XCTAssertEqual(output.text, """
        loan approve: Approve a pending loan.

        Usage: loan approve LOAN [note=TEXT]

        Approval needs verified KYC; the server decides.

        Arguments:
          LOAN   the loan to approve

        Fields:
          note=TEXT   why, for the audit trail

        Edits: saved to the outbox at once, pushed on the next sync.
        Needs the server: refused while offline.

        Examples:
          loan approve ln_8f2 note="checked payslips"
        """)
        let (_, _, repay) = try await run("help loan repay")
        XCTAssertTrue(repay.text.contains("Usage: loan repay LOAN amount=MONEY method=mobile_money|bank_transfer|cash [on=DATE] [client=CLIENT]"), repay.text)
        XCTAssertTrue(repay.text.contains("  amount=MONEY                             (required) amount paid"), repay.text)
    }

    func testHelpForAGroupAndForATypo() async throws {
        let (_, _, output) = try await run("help client")
        XCTAssertTrue(output.text.contains("  client add    Add a client."), output.text)
        XCTAssertFalse(output.text.contains("loan"))
        let (outcome, _, _) = try await run("help lona approve")
        XCTAssertEqual(outcome.failure?.message, "unknown command 'lona'; did you mean 'loan'?")
        XCTAssertEqual(outcome.failure?.command, "help")
    }

    func testLaterRegistrationReplaces() {
        var table = CommandTable<RecordingContext>()
        table.register(CommandSpec("sync", summary: "one")) { _, _ in .success }
        table.register(CommandSpec("sync", summary: "two")) { _, _ in .success }
        XCTAssertEqual(table.specs.map(\.summary), [CommandTable<RecordingContext>.helpSpec.summary, "two"])
    }
}
