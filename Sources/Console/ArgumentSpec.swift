/// One positional argument a command takes: its name in help, its kind, and whether it may be left out.
public struct ArgumentSpec: Sendable, Hashable {
    /// The placeholder in usage lines, `LOAN` in `loan approve LOAN`.
    public let name: String
    public let kind: ArgumentKind
    public let isOptional: Bool
    public let help: String

    public init(_ name: String, _ kind: ArgumentKind, optional: Bool = false, help: String = "") {
        self.name = name
        self.kind = kind
        self.isOptional = optional
        self.help = help
    }
}
