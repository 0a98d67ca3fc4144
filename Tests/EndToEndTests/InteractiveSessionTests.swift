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
