import Console

/// The top-level command line: global options, then an optional subcommand.
enum FincoreCommand {
    static let helpOption = OptionSpec("help", short: "h", help: "Show help and exit.")

    static let options: [OptionSpec] = AgentOptions.specs + [
        helpOption,
        OptionSpec("version", help: "Print the version and exit."),
    ]

    /// Every `fincore NAME` command, in the order help lists them.
    static let subcommands: [Subcommand] = [LoginCommand.subcommand, WipeCommand.subcommand, SandboxCommand.subcommand,
                                                  ListenCommand.subcommand]

    static var help: String {
        var page = """
        fincore \(Version.current): a local-first offline sync agent for the Fincore lending platform.

        USAGE: fincore [OPTIONS]                 interactive, or commands piped on stdin
               fincore -c 'CMD; CMD' [OPTIONS]   run commands and exit
               fincore -f FILE [OPTIONS]         run a script (FILE:LINE: error: … on failure)
        """
        if !subcommands.isEmpty {
            page += "\n       fincore COMMAND [OPTIONS]\n\nCOMMANDS:\n"
            page += HelpFormatter.columns(subcommands.map { ($0.name, $0.summary) })
            page += "\n\nRun 'fincore COMMAND --help' for a command's options."
        }
        page += """


        OPTIONS:
        \(HelpFormatter.options(options))

        ENVIRONMENT:
          FINCORE_API_URL       the server's base URL; unset: a demo sandbox runs inside fincore
                                (200 made-up clients, a fresh demo replica each start)
          FINCORE_API_KEY       the API key; else the key file that 'fincore login' writes.
                                A key is never accepted as an argument and never printed.
          FINCORE_API_KEY_FILE  the key file (default $FINCORE_HOME/api-key, must be mode 0600)
          FINCORE_HOME          where replicas, history and the key file live
                                (default $XDG_DATA_HOME/fincore, else ~/.local/share/fincore)
          NO_COLOR              no colour even on a terminal

        Inside fincore, 'help' lists the commands and 'help COMMAND' shows one.

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
            do {
                return await AgentCommand.run(try AgentOptions(parsed))
            } catch {
                return report(error, command: "fincore")
            }
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
