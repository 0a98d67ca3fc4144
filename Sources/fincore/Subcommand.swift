import Console

/// A `fincore NAME …` command: its name, one line of summary, its options, and what it runs.
struct Subcommand: Sendable {
    let name: String
    let summary: String
    let usage: String
    let options: [OptionSpec]
    let run: @Sendable (ParsedArguments) async -> ExitStatus

    /// `fincore NAME --help`.
    var help: String {
        """
        \(summary)

        USAGE: \(usage)

        OPTIONS:
        \(HelpFormatter.options(options + [FincoreCommand.helpOption]))
        """
    }

    /// Scans the words after the name and runs, answering `--help` and usage errors itself.
    func main(_ words: [String]) async -> ExitStatus {
        let scanner = ArgumentScanner(options: options + [FincoreCommand.helpOption])
        do {
            let parsed = try scanner.scan(words)
            if parsed.has("help") {
                StandardStreams.out(help)
                return .success
            }
            return await run(parsed)
        } catch {
            return FincoreCommand.report(error, command: "fincore \(name)")
        }
    }
}
