import Console

/// The top-level command line: global options, then an optional subcommand.
enum FincoreCommand {
    static let helpOption = OptionSpec("help", short: "h", help: "Show help and exit.")

    static let options: [OptionSpec] = [
        helpOption,
        OptionSpec("version", help: "Print the version and exit."),
    ]

    /// Every `fincore NAME` command, in the order help lists them.
    static let subcommands: [Subcommand] = [SandboxCommand.subcommand]

    static var help: String {
        var page = """
        fincore \(Version.current): a local-first offline sync agent for the Fincore lending platform.

        USAGE: fincore [OPTIONS]
        """
        if !subcommands.isEmpty {
            page += "\n       fincore COMMAND [OPTIONS]\n\nCOMMANDS:\n"
            page += HelpFormatter.columns(subcommands.map { ($0.name, $0.summary) })
            page += "\n\nRun 'fincore COMMAND --help' for a command's options."
        }
        page += """


        OPTIONS:
        \(HelpFormatter.options(options))

        EXIT STATUS:
        \(HelpFormatter.exitStatuses())
        """
        return page
    }

    static func run(_ words: [String]) async -> ExitStatus {
        let scanner = ArgumentScanner(options: options, optionsAfterPositionals: false)
        let parsed: ParsedArguments
        do {
            parsed = try scanner.scan(words)
        } catch {
            return report(error, command: "fincore")
        }
        if parsed.has("help") {
            StandardStreams.out(help)
            return .success
        }
        if parsed.has("version") {
            StandardStreams.out("fincore \(Version.current)")
            return .success
        }
        guard let name = parsed.positionals.first else {
            StandardStreams.out(help)
            return .success
        }
        guard let subcommand = subcommands.first(where: { $0.name == name }) else {
            let suggestion = NearestMatch.find(name, among: subcommands.map(\.name))
            return report(UsageError.unknownCommand(name, suggestion: suggestion), command: "fincore")
        }
        return await subcommand.main(Array(parsed.positionals.dropFirst()))
    }

    /// Prints a usage error the one way every command does, and returns exit status 2.
    static func report(_ error: UsageError, command: String) -> ExitStatus {
        StandardStreams.err("\(command): error: \(error.message)")
        StandardStreams.err("Run '\(command) --help' for usage.")
        return .usage
    }
}
