/// What a command's run closure receives besides the context: its spec, arguments, and mode.
public struct CommandInvocation: Sendable {
    /// The spec that matched (its path names the command in messages).
    public let spec: CommandSpec
    /// Positionals and fields, already checked against `spec`.
    public let arguments: CommandArguments
    /// True in the check pass of an atomic script: validate everything, read what is needed,
    /// write nothing (not even the outbox), and return the outcome the real run would have.
    public let dryRun: Bool
    /// Where the command's normal output goes (stdout in the REPL, captured in tests).
    public let write: @Sendable (String) -> Void

    public init(spec: CommandSpec, arguments: CommandArguments, dryRun: Bool = false,
                write: @escaping @Sendable (String) -> Void) {
        self.spec = spec
        self.arguments = arguments
        self.dryRun = dryRun
        self.write = write
    }
}
