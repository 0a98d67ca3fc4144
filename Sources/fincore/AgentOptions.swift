import Console

/// The top-level options that choose how the agent reads commands and prints results.
struct AgentOptions: Sendable {
    /// `-c` text: commands separated by `;` or newlines.
    var commands: String?
    /// `-f` path; `-` is stdin.
    var file: String?
    var format: OutputFormat?
    var keepGoing = false
    var atomic = false
    var offline = false

    static let specs: [OptionSpec] = [
        OptionSpec("command", short: "c", value: "COMMANDS", help: "Run COMMANDS (separated by ';') and exit."),
        OptionSpec("file", short: "f", value: "FILE", help: "Run the commands in FILE ('-' for stdin) and exit."),
        OptionSpec("format", value: "FORMAT", help: "Output format: table, csv, json or ndjson (default table)."),
        OptionSpec("keep-going", help: "In a script, report each failure and go on (exit status: the first failure's)."),
        OptionSpec("atomic", help: "In a script, save all edits or none: every line is checked before any is run."),
        OptionSpec("offline", help: "Do not contact the server; edits wait in the outbox."),
    ]

    init(_ parsed: ParsedArguments) throws(UsageError) {
        commands = parsed.value("command")
        file = parsed.value("file")
        if commands != nil, file != nil { throw .unexpectedValue(option: "file", value: "together with -c") }
        format = try parsed.value("format").map { (name) throws(UsageError) in try OutputFormat.named(name) }
        keepGoing = parsed.has("keep-going")
        atomic = parsed.has("atomic")
        offline = parsed.has("offline")
    }

    /// True when commands come from `-c`, `-f` or a stdin that is not a terminal.
    func isScripted(stdinIsTerminal: Bool) -> Bool {
        commands != nil || file != nil || !stdinIsTerminal
    }
}
