import Foundation
import XCTest

/// Runs `fincore` at a pseudo-terminal, driven by a python3 script: the only way to exercise
/// readline, the prompt and Ctrl-C as a person meets them.
///
/// The steps are python using `send(bytes)` and `wait_for(text, timeout)` (true when `text`
/// appeared in what the terminal showed since the start, or since `mark()` when `fresh=True`);
/// `seen` holds everything shown. The script's exit status is 0 when every expectation it
/// checked held; the screen is returned for assertions and failure messages.
enum PtySession {
    static let prelude = #"""
import os, pty, sys, time, select, json
binary = sys.argv[1]
env = dict(os.environ, TERM="xterm", NO_COLOR="1")
env.pop("FINCORE_API_URL", None)
env.update(json.loads(sys.argv[2]))
pid, fd = pty.fork()
if pid == 0:
    os.execve(binary, [binary], env)
seen = b""
start = 0
def read_some(timeout):
    global seen
    r, _, _ = select.select([fd], [], [], timeout)
    if r:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            return False
        if not chunk:
            return False
        seen += chunk
    return True
def mark():
    global start
    start = len(seen)
def wait_for(text, timeout=20, fresh=False):
    end = time.time() + timeout
    while time.time() < end:
        if text.encode() in seen[start if fresh else 0:]:
            return True
        if not read_some(0.1):
            break
    return text.encode() in seen[start if fresh else 0:]
def send(data):
    os.write(fd, data)
def alive():
    done, _ = os.waitpid(pid, os.WNOHANG)
    return done == 0
def finish(ok):
    # Ctrl-D typed before readline has the terminal (while a command still prints) is lost in
    # the switch from cooked to raw mode, as it would be for a person: type it again if need be.
    status = None
    for attempt in range(3):
        time.sleep(0.3)
        os.write(fd, b"\x04")
        end = time.time() + 4
        while time.time() < end and status is None:
            read_some(0.1)
            done, code = os.waitpid(pid, os.WNOHANG)
            if done:
                status = code
        if status is not None:
            break
    if status is None:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    sys.stdout.write(seen.decode("utf-8", "replace"))
    sys.stdout.write("\n[expectations %s, exit status %r]\n" % ("held" if ok else "failed", status))
    sys.exit(0 if ok and status == 0 else 1)

"""#

    /// Runs the steps against the binary with `environment` added; returns the screen and status.
    static func run(_ steps: String, environment: [String: String]) throws -> (screen: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let settings = try JSONSerialization.data(withJSONObject: environment)
        process.arguments = ["python3", "-c", prelude + steps, FincoreProcess.binary.path,
                             String(decoding: settings, as: UTF8.self)]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let screen = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (screen, process.terminationStatus)
    }
}
