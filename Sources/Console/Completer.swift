/// Completes the word under the cursor from the command table: commands, sub-commands, field
/// names (`amount=`), enum values (`method=mo` → `method=mobile_money`) and ids.
///
/// Pure: it sees only the text before the cursor and the specs, and asks the executable's
/// `ids` closure for ids (which may match clients by name, returning their ids). The readline
/// bridge in `ReadlineSource` only converts between C strings and this.
public struct Completer: Sendable {
    /// Ids of `kind` for a typed prefix; the executable decides how to match (id or name).
    public typealias IDProvider = @Sendable (ArgumentKind, String) -> [String]

    public let specs: [CommandSpec]
    private let ids: IDProvider

    public init(specs: [CommandSpec], ids: @escaping IDProvider = { _, _ in [] }) {
        self.specs = specs
        self.ids = ids
    }

    /// Candidates for the word at `cursor` (a `Character` offset into `line`).
    public func complete(line: String, cursor: Int) -> [String] {
        complete(String(line.prefix(max(0, cursor))))
    }

    /// Candidates replacing the last word of `prefix` (empty when `prefix` ends in a space).
    /// Each candidate is a whole word: `amount=`, `method=mobile_money`, `approve`.
    public func complete(_ prefix: String) -> [String] {
        // Only the command under the cursor matters: drop everything up to the last `;`.
        let command = prefix.split(separator: ";", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let endsWord = command.last.map { $0 == " " || $0 == "\t" } ?? true
        let parts = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let current = endsWord ? "" : parts.last ?? ""
        let before = endsWord ? parts : Array(parts.dropLast())
        guard let words = try? CommandLineTokenizer.words(before.joined(separator: " ")) else { return [] }
        let texts = words.map(\.text)
        if texts.first == "help" { return commandWords(after: Array(texts.dropFirst()), prefix: current) }
        let subcommands = commandWords(after: texts, prefix: current)
        guard let spec = specs.filter({ texts.starts(with: $0.path) }).max(by: { $0.path.count < $1.path.count }) else {
            return subcommands
        }
        let rest = words.dropFirst(spec.path.count)
        if let equals = current.firstIndex(of: "=") {
            let key = String(current[..<equals])
            let value = String(current[current.index(after: equals)...])
            return fieldValues(spec.field(key), key: key, prefix: value)
        }
        let used = Set(rest.compactMap(\.key))
        let fields = spec.fields.map(\.name).filter { !used.contains($0) && $0.hasPrefix(current) }.map { $0 + "=" }
        let positionalCount = rest.filter { $0.key == nil }.count
        var positionals: [String] = []
        if positionalCount < spec.arguments.count, spec.arguments[positionalCount].kind.isIdentifier {
            positionals = ids(spec.arguments[positionalCount].kind, current)
        }
        return subcommands + positionals + fields
    }

    /// The next word of every command path that continues `words` and starts with `prefix`.
    private func commandWords(after words: [String], prefix: String) -> [String] {
        let next = specs.filter { $0.path.count > words.count && $0.path.starts(with: words) }
            .map { $0.path[words.count] }
            .filter { $0.hasPrefix(prefix) }
        var seen = Set<String>()
        return next.filter { seen.insert($0).inserted }.sorted()
    }

    /// `key=value` candidates for a field's closed values or ids.
    private func fieldValues(_ field: FieldSpec?, key: String, prefix: String) -> [String] {
        guard let field else { return [] }
        let values: [String]
        if case .reference(let kind) = field.kind {
            values = ids(kind, prefix)
        } else {
            values = field.kind.values.filter { $0.hasPrefix(prefix) }
        }
        return values.map { "\(key)=\($0)" }
    }
}
