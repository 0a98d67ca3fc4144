import Foundation
import XCTest

/// A session at a terminal, driven through a pty by python3: prompt state, completion, history
/// without secrets, Ctrl-D.
final class InteractiveSessionTests: XCTestCase {
    /// Types each step, waits for the expected text, prints what the terminal showed.
    static let driver = #"""
import os, pty, sys, time, select
binary, home = sys.argv[1], sys.argv[2]
pid, fd = pty.fork()
if pid == 0:
    env = dict(os.environ, FINCORE_HOME=home, TERM="xterm", NO_COLOR="1")
    env.pop("FINCORE_API_URL", None)
    os.execve(binary, [binary], env)
seen = b""
def wait_for(text, timeout=20):
    global seen
    end = time.time() + timeout
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if text.encode() in seen:
                return True
    return False
ok = wait_for("fincore [demo online]> ")
os.write(fd, b"client add first_name=Pty last_name=Tester\r"); ok = ok and wait_for("1 pending]> ")
os.write(fd, b"cli\t"); ok = ok and wait_for("client ")
os.write(fd, b"\x15"); time.sleep(0.2)
os.write(fd, b"client find sk_test_notmine\r"); time.sleep(0.5)
os.write(fd, b"\x04"); wait_for("kept", 5)
os.waitpid(pid, 0)
sys.stdout.write(seen.decode("utf-8", "replace"))
sys.exit(0 if ok else 1)
"""#

    func testPromptCompletionHistoryAndControlD() throws {
        let home = NSTemporaryDirectory() + "fincore-pty-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.driver, FincoreProcess.binary.path, home]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let screen = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, screen)
        XCTAssertTrue(screen.contains("DEMO MODE"), screen)
        XCTAssertTrue(screen.contains("fincore [demo online, 1 pending]> "), screen)

        let historyPath = home + "/demo/history"
        let history = try String(contentsOfFile: historyPath, encoding: .utf8)
        XCTAssertTrue(history.contains("client add first_name=Pty"), history)
        XCTAssertFalse(history.contains("sk_test_notmine"), "a secret-looking line reached history")
        let mode = try FileManager.default.attributesOfItem(atPath: historyPath)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }
}

/// Ctrl-C, offline and connectivity at the prompt, against a sandbox slowed by latency faults.
final class InteractiveSyncTests: XCTestCase {
    /// Every request takes 150–250 ms, so a sync of 40 clients lasts seconds: long enough to interrupt.
    private func slowSandbox() throws -> SandboxProcess {
        try SandboxProcess(["--demo", "40", "--rate-window", "0", "--faults", "latency_ms=150-250"])
    }

    func testControlCCancelsARunningSyncAndClearsAHalfTypedLine() throws {
        let sandbox = try slowSandbox()
        let (screen, status) = try PtySession.run(#"""
ok = wait_for("fincore [online]> ")
send(b"sync auto off\r"); ok = ok and wait_for("background sync off")
send(b"client add first_name=Pty last_name=Cancel\r"); ok = ok and wait_for("1 pending]> ")
mark()
send(b"sync\r")
ok = ok and wait_for("pull", fresh=True)
time.sleep(0.3)
send(b"\x03"); time.sleep(0.1); send(b"\x03")
ok = ok and wait_for("sync cancelled", 10, fresh=True)
# The push came before the pull and was acknowledged: nothing pending any more.
ok = ok and wait_for("fincore [online]> ", 10, fresh=True)
ok = ok and alive()
mark()
send(b"sync log\r"); ok = ok and wait_for("cancelled", 10, fresh=True)
mark()
send(b"bogus half typed"); time.sleep(0.3); send(b"\x03"); time.sleep(0.3)
send(b"set\r"); ok = ok and wait_for("auto_sync:", 10, fresh=True)
time.sleep(0.3)
send(b"\x03")  # at an empty prompt: a fresh line, nothing else
time.sleep(0.3)
ok = ok and alive()
finish(ok)
"""#, environment: sandbox.environment())
        XCTAssertEqual(status, 0, screen)
        XCTAssertTrue(screen.contains("sync cancelled: pushed 1"), screen)
        XCTAssertFalse(screen.contains("unknown command"), "Ctrl-C left the half-typed line: \(screen)")
        XCTAssertFalse(screen.contains("error:"), screen)
        // The next sync finds the outbox consistent: nothing in flight, nothing to resend.
        let after = try sandbox.run(["--format", "csv", "-c", "outbox; sync"])
        XCTAssertEqual(after.status, 0, after.stderr)
        XCTAssertTrue(after.stdout.contains("outcome,pushed") || after.stdout.contains("pushed 0"), after.stdout)
        XCTAssertTrue(after.stdout.contains("completed,0,"), after.stdout)
    }

    func testControlCCancelsTheFirstSyncOfTheDemo() throws {
        let home = NSTemporaryDirectory() + "fincore-pty-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        // The demo's first sync pages about 3,000 objects with a progress bar: Ctrl-C as soon as it pulls.
        let (screen, status) = try PtySession.run(#"""
ok = wait_for("pull", 30)
send(b"\x03")
ok = ok and wait_for("sync cancelled", 10)
ok = ok and wait_for("background sync paused", 10)
ok = ok and wait_for("fincore [demo online]> ", 10)
mark()
send(b"status\r"); ok = ok and wait_for("auto_sync: off", 10, fresh=True)
ok = ok and alive()
finish(ok)
"""#, environment: ["FINCORE_HOME": home])
        XCTAssertEqual(status, 0, screen)
        XCTAssertFalse(screen.contains("sync done"), screen)
    }

    func testOfflineOnStopsTheBackgroundSyncAndOffResumesIt() throws {
        let sandbox = try slowSandbox()
        let (screen, status) = try PtySession.run(#"""
ok = wait_for("fincore [online]> ")
# The background sync started with the session and is still paging the slow server.
send(b"offline on\r"); ok = ok and wait_for("fincore [offline]> ")
time.sleep(1)
mark()
send(b"sync log\r"); ok = ok and wait_for("cancelled", 10, fresh=True)
ok = ok and not (b"completed" in seen[start:])
mark()
send(b"status\r"); ok = ok and wait_for("paused while offline by choice", 10, fresh=True)
send(b"offline off\r"); ok = ok and wait_for("fincore [online]> ", 10, fresh=True)
# Back online, the loop syncs again at once.
deadline = time.time() + 20
found = False
while time.time() < deadline and not found:
    mark()
    send(b"sync log\r"); wait_for("]> ", 5, fresh=True)
    found = b"completed" in seen[start:]
    time.sleep(0.5)
ok = ok and found
finish(ok)
"""#, environment: sandbox.environment())
        XCTAssertEqual(status, 0, screen)
    }

    func testSyncAutoOffIsKeptAndTheNextSessionDoesNotSyncInTheBackground() throws {
        let sandbox = try slowSandbox()
        let first = try PtySession.run(#"""
ok = wait_for("fincore [online]> ")
send(b"sync auto off\r"); ok = ok and wait_for("background sync off")
finish(ok)
"""#, environment: sandbox.environment())
        XCTAssertEqual(first.status, 0, first.screen)
        // A new session on the same replica: no sync at start, none after an edit.
        let second = try PtySession.run(#"""
ok = wait_for("fincore [online]> ")
send(b"client add first_name=Auto last_name=Off\r"); ok = ok and wait_for("1 pending]> ")
time.sleep(4)
mark()
send(b"set\r"); ok = ok and wait_for("auto_sync: off", 10, fresh=True)
ok = ok and wait_for("fincore [online, 1 pending]> ", 5, fresh=True)
mark()
send(b"sync log\r"); ok = ok and wait_for("]> ", 10, fresh=True)
ok = ok and b"completed" not in seen[start:]
finish(ok)
"""#, environment: sandbox.environment())
        XCTAssertEqual(second.status, 0, second.screen)
    }

    func testUnreachableServerShowsInThePromptAndStatus() throws {
        let home = NSTemporaryDirectory() + "fincore-pty-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let (screen, status) = try PtySession.run(#"""
ok = wait_for("]> ")
deadline = time.time() + 20
while time.time() < deadline and not wait_for("fincore [unreachable]> ", 1):
    send(b"\r")
ok = ok and wait_for("fincore [unreachable]> ", 1)
mark()
send(b"status\r"); ok = ok and wait_for("offline: server unreachable since", 10, fresh=True)
send(b"offline on\r"); ok = ok and wait_for("fincore [offline]> ", 10, fresh=True)
finish(ok)
"""#, environment: ["FINCORE_HOME": home, "FINCORE_API_URL": "http://127.0.0.1:9/v1/", "FINCORE_API_KEY": "sk_test_x"])
        XCTAssertEqual(status, 0, screen)
    }
}
