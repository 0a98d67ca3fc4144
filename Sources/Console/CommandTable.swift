/// The commands the REPL and scripts understand: specs paired with run closures, looked up by path.
///
/// Generic over `Context` so the executable hands its replica and sync access to each command
/// while Console knows neither. `help` is built in (unless a command named `help` is
/// registered) so that the command list can never drift from what is dispatched.
public struct CommandTable<Context>: Sendable {
    /// A command's behaviour: return an outcome, or throw (`CommandFailure`, `UsageError`, or any
    /// error; `ErrorRenderer.failure(for:)` classifies it).
    public typealias Run = @Sendable (CommandInvocation, Context) async throws -> CommandOutcome

    private var entries: [(spec: CommandSpec, run: Run)] = []

    public init() {}

    /// The spec of the built-in `help` command.
    public static var helpSpec: CommandSpec {
        CommandSpec("help", group: "help", summary: "List commands, or show one command's usage and fields.",
                    arguments: [ArgumentSpec("COMMAND", .text, optional: true)], examples: ["help loan approve"])
    }

    /// Adds a command. A later registration of the same path replaces the earlier one.
    public mutating func register(_ spec: CommandSpec, run: @escaping Run) {
        entries.removeAll { $0.spec.path == spec.path }
        entries.append((spec, run))
    }

    /// Every spec in registration order, with the built-in `help` first unless overridden.
    public var specs: [CommandSpec] {
        let registered = entries.map(\.spec)
        return registered.contains { $0.path == ["help"] } ? registered : [Self.helpSpec] + registered
    }

    /// Finds the command with the longest path that `words` start with.
    ///
    /// Returns the spec and how many words its path used. An unknown command names the word that
    /// went wrong (`loan aprove`, not just `aprove`) and suggests the nearest known one.
    public func resolve(_ words: [String]) throws(UsageError) -> (spec: CommandSpec, consumed: Int) {
        let specs = self.specs
        let match = specs.filter { words.starts(with: $0.path) }.max { $0.path.count < $1.path.count }
        if let match { return (match, match.path.count) }
        // The deepest prefix shared with some command: the typo is the word after it.
        var depth = 0
        while depth < words.count, specs.contains(where: { $0.path.starts(with: words[...depth]) }) {
            depth += 1
        }
        let typed = words.prefix(depth + 1).joined(separator: " ")
        let known = Set(specs.filter { $0.path.starts(with: words.prefix(depth)) && $0.path.count > depth }
            .map { $0.path.prefix(depth + 1).joined(separator: " ") })
        throw .unknownCommand(typed, suggestion: NearestMatch.find(typed, among: known.sorted()))
    }

    /// Runs one command: resolves the path, splits and checks the arguments, then calls its closure.
    ///
    /// Never throws: every failure becomes a `CommandOutcome` attributed to the command, so a
    /// script runner can print it with a location and pick the exit status.
    public func dispatch(_ words: [CommandWord], context: Context, dryRun: Bool = false,
                         write: @escaping @Sendable (String) -> Void = StandardStreams.out) async -> CommandOutcome {
        guard !words.isEmpty else { return .success }
        let path = words.prefix { $0.key == nil }.map(\.text)
        let spec: CommandSpec
        let consumed: Int
        do {
            (spec, consumed) = try resolve(path)
        } catch {
            return Self.unknown(error, command: nil)
        }
        let rest = Array(words.dropFirst(consumed))
        if spec.path == ["help"], !entries.contains(where: { $0.spec.path == ["help"] }) {
            return help(rest.map(\.text), write: write)
        }
        let arguments: CommandArguments
        do {
            arguments = try CommandArguments(rest)
            try spec.validate(arguments)
        } catch {
            return .usage(error, command: spec.name)
        }
        guard let entry = entries.first(where: { $0.spec.path == spec.path }) else { return .success }
        let invocation = CommandInvocation(spec: spec, arguments: arguments, dryRun: dryRun, write: write)
        do {
            let outcome = try await entry.run(invocation, context)
            guard case .failure(let failure) = outcome else { return outcome }
            return .failure(failure.attributed(to: spec.name))
        } catch let error as UsageError {
            return .usage(error, command: spec.name)
        } catch {
            return .failure(ErrorRenderer.failure(for: error).attributed(to: spec.name))
        }
    }

    /// The built-in `help [COMMAND…]`: the grouped list, one command's page, or a group's commands.
    private func help(_ words: [String], write: @Sendable (String) -> Void) -> CommandOutcome {
        let specs = self.specs
        guard !words.isEmpty else {
            write(CommandHelp.list(specs))
            return .success
        }
        let below = specs.filter { $0.path.count > words.count && $0.path.starts(with: words) }
        if !below.isEmpty, !specs.contains(where: { $0.path == words }) {
            write(CommandHelp.list(below))
            return .success
        }
        do {
            let spec = try resolve(words).spec
            write(CommandHelp.page(spec, subcommands: specs.filter {
                $0.path.count > spec.path.count && $0.path.starts(with: spec.path)
            }))
            return .success
        } catch {
            return Self.unknown(error, command: "help")
        }
    }

    /// An unknown command, pointing at the list of commands rather than one command's help.
    private static func unknown(_ error: UsageError, command: String?) -> CommandOutcome {
        .failure(CommandFailure(error.message, command: command, hint: "run 'help' for the list of commands",
                                status: .usage))
    }
}
