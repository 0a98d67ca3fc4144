import Console
import XCTest

final class ScriptRunnerTests: XCTestCase {
    private let table = Fixtures.table()

    /// Runs `script` through the fixture table; returns the status, calls, stderr and hook calls.
    private func run(_ script: String, name: String = "rates.fc", keepGoing: Bool = false, atomic: Bool = false,
                     failCommit: Bool = false) async -> (ExitStatus, [String], String, [String]) {
        let context = RecordingContext()
        let errors = Capture()
        let hooks = RecordingContext()
        let table = self.table
        let transaction = ScriptTransaction(
            begin: { hooks.record("begin") },
            commit: {
                hooks.record("commit")
                if failCommit { throw CommandFailure("disk I/O error", status: .failure) }
            },
            rollback: { hooks.record("rollback") })
        let runner = ScriptRunner(keepGoing: keepGoing, transaction: atomic ? transaction : nil,
                                  writeError: { errors.write($0) }) { command, mode in
            await table.dispatch(command.words, context: context, dryRun: mode == .check, write: { _ in })
        }
        let status = await runner.run(StreamSource(text: script, name: name))
        return (status, context.calls, errors.text, hooks.calls)
    }

    func testRunsEverythingSkippingBlanksAndComments() async {
        let (status, calls, errors, _) = await run("""
        # nightly repayments
        loan repay ln_1 amount=100 method=cash

           # indented comment
        sync; sync plan   # trailing comment
        """)
        XCTAssertEqual(status, .success)
        XCTAssertEqual(calls, ["loan repay ln_1 amount=100 method=cash", "sync", "sync plan"])
        XCTAssertEqual(errors, "")
    }

    func testEmptyScriptSucceedsDoingNothing() async {
        let (status, calls, errors, hooks) = await run("", atomic: true)
        XCTAssertEqual(status, .success)
        XCTAssertEqual(calls, [])
        XCTAssertEqual(errors, "")
        XCTAssertEqual(hooks, [])
        let (commentsOnly, _, _, _) = await run("# nothing\n\n")
        XCTAssertEqual(commentsOnly, .success)
    }

    func testStopsAtTheFirstErrorWithItsLocationAndStatus() async {
        let (status, calls, errors, _) = await run("""
        sync
        loan approve ln_pending
        sync plan
        """)
        XCTAssertEqual(status, .refused)
        XCTAssertEqual(calls, ["sync", "loan approve ln_pending"])
        XCTAssertEqual(errors, """
        rates.fc:2: error: loan approve: client cl_7 KYC is pending
        hint: verify KYC first: client kyc cl_7
        """)
    }

    func testUsageErrorsInCommandLinesAndStdinNames() async {
        let (status, calls, errors, _) = await run("sync; lona list; sync plan", name: "-c")
        XCTAssertEqual(status, .usage)
        XCTAssertEqual(calls, ["sync"])
        XCTAssertEqual(errors, """
        -c:1: error: unknown command 'lona'; did you mean 'loan'?
        hint: run 'help' for the list of commands
        """)
        let (quote, _, quoteErrors, _) = await run("sync\nclient add name=\"Wanjikū\n", name: "<stdin>")
        XCTAssertEqual(quote, .usage)
        XCTAssertEqual(quoteErrors, "<stdin>:2: error: unterminated \" quote opened at column 17")
    }

    func testKeepGoingRunsTheRestAndEndsWithTheFirstFailuresStatus() async {
        let (status, calls, errors, _) = await run("""
        loan approve ln_offline
        loan approve ln_pending
        sync
        """, keepGoing: true)
        XCTAssertEqual(status, .offline)
        XCTAssertEqual(calls, ["loan approve ln_offline", "loan approve ln_pending", "sync"])
        XCTAssertEqual(errors, """
        rates.fc:1: error: loan approve: saved to the outbox; the server is unreachable
        rates.fc:2: error: loan approve: client cl_7 KYC is pending
        hint: verify KYC first: client kyc cl_7
        """)
    }

    func testAtomicChecksEverythingThenRunsInsideTheTransaction() async {
        let (status, calls, errors, hooks) = await run("""
        loan repay ln_1 amount=100 method=cash
        sync plan
        """, atomic: true)
        XCTAssertEqual(status, .success)
        XCTAssertEqual(calls, ["check loan repay ln_1 amount=100 method=cash", "check sync plan",
                               "loan repay ln_1 amount=100 method=cash", "sync plan"])
        XCTAssertEqual(hooks, ["begin", "commit"])
        XCTAssertEqual(errors, "")
    }

    func testAtomicCheckFailureRunsNothing() async {
        let (status, calls, errors, hooks) = await run("""
        sync plan
        loan approve ln_pending
        loan repay ln_1 amount=1 method=cash
        """, atomic: true)
        XCTAssertEqual(status, .refused)
        XCTAssertEqual(calls, ["check sync plan", "check loan approve ln_pending"])
        XCTAssertEqual(hooks, [])
        XCTAssertEqual(errors, """
        rates.fc:2: error: loan approve: client cl_7 KYC is pending
        hint: verify KYC first: client kyc cl_7
        note: --atomic: nothing was saved
        """)
    }

    func testAtomicFailureWhileRunningRollsBack() async {
        // Passes its check (dry run) but fails for real: the runner must roll back.
        var table = CommandTable<RecordingContext>()
        table.register(CommandSpec("post", summary: "")) { invocation, context in
            context.record(invocation.dryRun ? "check post" : "post")
            return invocation.dryRun ? .success : .refused("balance changed under us")
        }
        let posting = table
        let hooks = RecordingContext()
        let errors = Capture()
        let context = RecordingContext()
        let runner = ScriptRunner(
            transaction: ScriptTransaction(begin: { hooks.record("begin") }, commit: { hooks.record("commit") },
                                           rollback: { hooks.record("rollback") }),
            writeError: { errors.write($0) }) { command, mode in
            await posting.dispatch(command.words, context: context, dryRun: mode == .check)
        }
        let status = await runner.run(StreamSource(text: "post\npost\n", name: "p.fc"))
        XCTAssertEqual(status, .refused)
        XCTAssertEqual(context.calls, ["check post", "check post", "post"])
        XCTAssertEqual(hooks.calls, ["begin", "rollback"])
        XCTAssertEqual(errors.text, "p.fc:1: error: post: balance changed under us\nnote: --atomic: nothing was saved")
    }

    func testAtomicCommitFailureRollsBackWithStatus70() async {
        let (status, _, errors, hooks) = await run("sync plan", atomic: true, failCommit: true)
        XCTAssertEqual(status, .failure)
        XCTAssertEqual(hooks, ["begin", "commit", "rollback"])
        XCTAssertEqual(errors, "error: disk I/O error\nnote: --atomic: nothing was saved")
    }

    func testAtomicKeepGoingReportsEveryCheckFailure() async {
        let (status, calls, errors, hooks) = await run("loan approve ln_offline\nlona\n", keepGoing: true, atomic: true)
        XCTAssertEqual(status, .offline)
        XCTAssertEqual(calls, ["check loan approve ln_offline"])
        XCTAssertEqual(hooks, [])
        XCTAssertEqual(errors.split(separator: "\n").first, "rates.fc:1: error: loan approve: saved to the outbox; the server is unreachable")
        XCTAssertTrue(errors.contains("rates.fc:2: error: unknown command 'lona'"))
    }

    func testUnreadableInputStopsWithItsLocation() async {
        let errors = Capture()
        let runner = ScriptRunner(writeError: { errors.write($0) }) { _, _ in .success }
        let status = await runner.run(StreamSource(bytes: Array("sync\n".utf8) + [0xFF, 0x0A], name: "bin.fc"))
        XCTAssertEqual(status, .usage)
        XCTAssertEqual(errors.text, "bin.fc:2: error: line is not valid UTF-8")
    }
}
