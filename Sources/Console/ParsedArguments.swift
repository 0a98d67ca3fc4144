/// The result of scanning a command line: option values by name, flags, and positional words.
public struct ParsedArguments: Sendable, Equatable {
    /// Values of options that take one, by canonical name, in the order given (an option may repeat).
    public var values: [String: [String]] = [:]
    /// Flags that were present, by canonical name.
    public var flags: Set<String> = []
    /// Words that are not options, in order (everything after `--` lands here too).
    public var positionals: [String] = []

    public init() {}

    /// The last value given for an option, the usual "later wins" rule of command lines.
    public func value(_ name: String) -> String? { values[name]?.last }

    /// True when a flag was given.
    public func has(_ name: String) -> Bool { flags.contains(name) }
}
