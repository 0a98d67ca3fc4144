/// What a command is, as data: its path, help, arguments, fields and effects; no behaviour.
///
/// Kept apart from the run closure (`CommandTable` pairs them) so help, lookup and completion
/// work on plain values, and tests build specs without a context (habit 7: commands are a table,
/// like the sqlite3 shell's `azHelp[]`).
public struct CommandSpec: Sendable, Hashable {
    /// The words that name the command: `["loan", "approve"]`.
    public let path: [String]
    /// The heading `help` lists it under; by default the first word of the path.
    public let group: String
    /// One line for the command list.
    public let summary: String
    /// Longer help for `help COMMAND`, free text; may be empty.
    public let details: String
    /// Positional arguments, in order; optional ones come last.
    public let arguments: [ArgumentSpec]
    /// The `key=value` fields it accepts.
    public let fields: [FieldSpec]
    /// Accepts fields beyond `fields` (say, a free-form `metadata.*`); unknown keys then pass.
    public let acceptsOtherFields: Bool
    /// Whole example lines for help.
    public let examples: [String]
    /// True when it must talk to the server (refused offline rather than queued).
    public let needsServer: Bool
    /// True when it changes data: the change goes through the outbox.
    public let edits: Bool

    public init(_ path: String, group: String? = nil, summary: String, details: String = "",
                arguments: [ArgumentSpec] = [], fields: [FieldSpec] = [], acceptsOtherFields: Bool = false,
                examples: [String] = [], needsServer: Bool = false, edits: Bool = false) {
        self.path = path.split(separator: " ").map(String.init)
        self.group = group ?? self.path.first ?? ""
        self.summary = summary
        self.details = details
        self.arguments = arguments
        self.fields = fields
        self.acceptsOtherFields = acceptsOtherFields
        self.examples = examples
        self.needsServer = needsServer
        self.edits = edits
    }

    /// The path as typed: `loan approve`.
    public var name: String { path.joined(separator: " ") }

    /// The usage line: `loan approve LOAN [note=TEXT]`, required fields first.
    public var usage: String {
        var parts = [name]
        parts += arguments.map { $0.isOptional ? "[\($0.name)]" : $0.name }
        parts += fields.filter(\.isRequired).map(\.synopsis)
        parts += fields.filter { !$0.isRequired }.map(\.synopsis)
        return parts.joined(separator: " ")
    }

    /// The field spec for `key`, if the command takes it.
    public func field(_ key: String) -> FieldSpec? {
        fields.first(where: { $0.name == key })
    }

    /// Checks parsed arguments against this spec: positional count, known and required fields,
    /// and the kind checks every command shares (`FieldKind.problem`).
    public func validate(_ arguments: CommandArguments) throws(UsageError) {
        let required = self.arguments.filter { !$0.isOptional }
        if arguments.positionals.count > self.arguments.count {
            throw .unexpectedArgument(arguments.positionals[self.arguments.count])
        }
        if arguments.positionals.count < required.count {
            throw .missingArgument(required[arguments.positionals.count].name)
        }
        for given in arguments.fields {
            guard let spec = field(given.key) else {
                if acceptsOtherFields { continue }
                throw .unknownField(given.key, suggestion: NearestMatch.find(given.key, among: fields.map(\.name)))
            }
            if let problem = spec.kind.problem(with: given.value, field: given.key) { throw problem }
        }
        if let missing = fields.first(where: { $0.isRequired && arguments[$0.name] == nil }) {
            throw .missingField(missing.name)
        }
    }
}
