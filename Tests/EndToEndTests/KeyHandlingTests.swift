import Foundation
import XCTest

/// API keys (issue 8): `fincore login` stores one 0600 without printing it, loose key files are
/// refused, `FINCORE_API_KEY_FILE` is honoured, and help names every variable.
final class KeyHandlingTests: XCTestCase {
    private var home = ""
    private let key = "sk_test_fincore_demo"

    override func setUpWithError() throws {
        home = NSTemporaryDirectory() + "fincore-keys-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: home)
    }

    private func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    /// Without a terminal the key is the first line of stdin.
    func testLoginFromStdinStoresThePrivateFileAndNeverPrintsIt() throws {
        let result = try FincoreProcess.run(["login"], stdin: "  \(key)  \n",
                                            environment: ["FINCORE_HOME": home, "FINCORE_API_KEY": ""])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "key stored in \(home)/api-key (mode 0600)\n")
        XCTAssertEqual(try String(contentsOfFile: home + "/api-key", encoding: .utf8), key + "\n")
        XCTAssertEqual(try mode(home + "/api-key"), 0o600)

        let empty = try FincoreProcess.run(["login"], stdin: "\n", environment: ["FINCORE_HOME": home])
        XCTAssertEqual(empty.status, 1)
        XCTAssertEqual(empty.stderr, "fincore login: error: no key was entered\n")
    }

    /// At a terminal the key is typed with echo off: the pty shows the prompt but not the key.
    /// Echo must already be off when the prompt shows (the key is typed right after it).
    func testLoginAtATerminalTurnsEchoOff() throws {
        let driver = #"""
import os, pty, sys, time, select, termios
binary, home, key = sys.argv[1], sys.argv[2], sys.argv[3]
pid, fd = pty.fork()
if pid == 0:
    env = dict(os.environ, FINCORE_HOME=home, TERM="xterm", NO_COLOR="1")
    env.pop("FINCORE_API_KEY", None)
    os.execve(binary, [binary, "login"], env)
seen = b""
def pump(until, timeout=20):
    global seen
    end = time.time() + timeout
    while time.time() < end and until.encode() not in seen:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return
            if not chunk:
                return
            seen += chunk
pump("API key: ")
echo = "echo-on" if termios.tcgetattr(fd)[3] & termios.ECHO else "echo-off"
os.write(fd, key.encode() + b"\r")
pump("(mode 0600)")
# Never hang the test run: a login still waiting after the pump is killed and reported.
for _ in range(50):
    done, _ = os.waitpid(pid, os.WNOHANG)
    if done:
        break
    time.sleep(0.1)
else:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    seen += b"\n(login did not finish)"
sys.stdout.write(echo + "\n" + seen.decode("utf-8", "replace"))
"""#
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", driver, FincoreProcess.binary.path, home, key]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let screen = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertTrue(screen.hasPrefix("echo-off\n"), screen)
        XCTAssertTrue(screen.contains("API key: "), screen)
        XCTAssertTrue(screen.contains("key stored in \(home)/api-key (mode 0600)"), screen)
        XCTAssertFalse(screen.contains(key), "the key was echoed: \(screen)")
        XCTAssertEqual(try String(contentsOfFile: home + "/api-key", encoding: .utf8), key + "\n")
        XCTAssertEqual(try mode(home + "/api-key"), 0o600)
    }

    func testAKeyGivenAsAnArgumentIsRefusedWithoutEchoingIt() throws {
        let result = try FincoreProcess.run(["login", "sk_live_typed_by_mistake"], environment: ["FINCORE_HOME": home])
        XCTAssertEqual(result.status, 2)
        XCTAssertFalse(result.stderr.contains("sk_live_typed_by_mistake"), result.stderr)
        XCTAssertFalse(result.stdout.contains("sk_live_typed_by_mistake"), result.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: home + "/api-key"))
        let option = try FincoreProcess.run(["--api-key", "sk_live_typed_by_mistake"], environment: ["FINCORE_HOME": home])
        XCTAssertEqual(option.status, 2)
        XCTAssertFalse(option.stderr.contains("sk_live_typed_by_mistake"), option.stderr)
    }

    func testAKeyFileReadableByOthersIsRefused() throws {
        let path = home + "/api-key"
        try Data((key + "\n").utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(chmod(path, 0o644), 0)
        let environment = ["FINCORE_HOME": home, "FINCORE_API_URL": "http://127.0.0.1:9/v1/", "FINCORE_API_KEY": ""]
        let result = try FincoreProcess.run(["--offline", "-c", "status"], environment: environment)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("the key file \(path) is readable by others; run 'chmod 600 \(path)'"),
                      result.stderr)
        XCTAssertFalse(result.stderr.contains(key), result.stderr)

        XCTAssertEqual(chmod(path, 0o600), 0)
        let fixed = try FincoreProcess.run(["--offline", "-c", "status"], environment: environment)
        XCTAssertEqual(fixed.status, 0, fixed.stderr)
        XCTAssertFalse((fixed.stdout + fixed.stderr).contains(key), "status never prints the key")
    }

    func testKeyFileFromTheEnvironment() throws {
        let fixture = try AgentFixture()
        let path = home + "/elsewhere-key"
        var environment = fixture.environment
        environment["FINCORE_API_KEY"] = ""
        environment["FINCORE_API_KEY_FILE"] = path
        let login = try FincoreProcess.run(["login"], stdin: key + "\n", environment: environment)
        XCTAssertEqual(login.status, 0, login.stderr)
        XCTAssertEqual(login.stderr, "key stored in \(path) (mode 0600)\n")
        XCTAssertEqual(try mode(path), 0o600)

        let used = try FincoreProcess.run(["-c", "client add first_name=Key last_name=File; sync"], environment: environment)
        XCTAssertEqual(used.status, 0, used.stderr)
        XCTAssertTrue(used.stdout.contains("sync done: pushed 1,"), used.stdout)

        try Data("sk_test_wrong\n".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(chmod(path, 0o600), 0)
        let wrong = try FincoreProcess.run(["-c", "sync"], environment: environment)
        XCTAssertEqual(wrong.status, 5, wrong.stderr)
        XCTAssertFalse((wrong.stdout + wrong.stderr).contains("sk_test_wrong"), wrong.stderr)
    }

    func testHelpNamesEveryKeyVariable() throws {
        let help = try FincoreProcess.run(["--help"]).stdout
        for name in ["FINCORE_API_URL", "FINCORE_API_KEY", "FINCORE_API_KEY_FILE", "FINCORE_HOME"] {
            XCTAssertTrue(help.contains("\n  \(name) "), "\(name) missing from fincore --help")
        }
    }
}
