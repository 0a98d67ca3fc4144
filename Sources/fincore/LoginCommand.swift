import Console
import Foundation
import Glibc

/// `fincore login`: stores an API key in a 0600 file, read without echo.
///
/// The key is never an argument value (argv shows in `ps` and shell history); it is typed at a
/// prompt with echo off (termios), or read from stdin when that is not a terminal.
enum LoginCommand {
    static let subcommand = Subcommand(
        name: "login",
        summary: "Store an API key (typed without echo) in a private key file.",
        usage: """
        fincore login [--url URL]

        Reads the key from the terminal with echo off, or the first line of stdin when piped
        ('fincore login < keyfile'). Stores it 0600 in FINCORE_API_KEY_FILE, else
        $FINCORE_HOME/api-key. With --url, also remembers the server (FINCORE_API_URL wins).
        """,
        options: [OptionSpec("url", value: "URL", help: "The server's base URL, e.g. https://api.fincore.com/v1/")],
        run: { parsed in run(parsed) })

    static func run(_ parsed: ParsedArguments) -> ExitStatus {
        if let extra = parsed.positionals.first {
            // Most likely a key typed as an argument: refuse without echoing it back.
            _ = extra
            StandardStreams.err("fincore login: error: the key is never given as an argument; it is read at a prompt")
            return .usage
        }
        let environment = ProcessInfo.processInfo.environment
        guard let key = readKey(), !key.isEmpty else {
            StandardStreams.err("fincore login: error: no key was entered")
            return .refused
        }
        do {
            let path = try Credentials.store(key, environment: environment)
            if let url = parsed.value("url") {
                let urlPath = (path as NSString).deletingLastPathComponent + "/api-url"
                try Data((url + "\n").utf8).write(to: URL(fileURLWithPath: urlPath))
                chmod(urlPath, 0o600)
            }
            StandardStreams.err("key stored in \(path) (mode 0600)")
            return .success
        } catch {
            StandardStreams.err("fincore login: error: \(ErrorRenderer.failure(for: error).message)")
            return .failure
        }
    }

    /// One line from stdin; on a terminal with echo off for the duration, restored even on error.
    static func readKey() -> String? {
        let terminal = isatty(STDIN_FILENO) == 1
        var saved = termios()
        if terminal {
            // Echo goes off before the prompt shows: a key typed or pasted as soon as the prompt
            // appears must neither echo nor be flushed away by TCSAFLUSH (which drops type-ahead).
            tcgetattr(STDIN_FILENO, &saved)
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
            FileHandle.standardError.write(Data("API key: ".utf8))
        }
        defer {
            if terminal {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
                FileHandle.standardError.write(Data("\n".utf8))
            }
        }
        return readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces)
    }
}
