/// The values bound to a statement's parameters: either positional (`?`) or named
/// (`:name`, `@name`, `$name`).
///
/// Arguments may carry personal data, so their `description` is redacted; use
/// `revealedDescription` only where showing them is explicitly acceptable (a developer's
/// terminal, never a log).
public struct StatementArguments: Sendable, Equatable {
    enum Storage: Sendable, Equatable {
        case positional([SQLiteValue])
        // Pairs rather than a dictionary, so a duplicated name is reported at bind time
        // instead of trapping in `Dictionary(uniqueKeysWithValues:)`.
        case named([(name: String, value: SQLiteValue)])

        static func == (lhs: Storage, rhs: Storage) -> Bool {
            switch (lhs, rhs) {
            case (.positional(let l), .positional(let r)): l == r
            case (.named(let l), .named(let r)): l.map(\.name) == r.map(\.name) && l.map(\.value) == r.map(\.value)
            default: false
            }
        }
    }

    let storage: Storage

    /// No arguments.
    public static let none = StatementArguments(positional: [])

    /// Positional arguments, bound to parameters 1, 2, 3, … in order.
    public init(positional values: [SQLiteValue]) {
        storage = .positional(values)
    }

    /// Named arguments; a key may be written with or without its prefix (`"id"` or `":id"`).
    public init(named pairs: [(String, SQLiteValue)]) {
        storage = .named(pairs.map { (name: Self.bareName($0.0), value: $0.1) })
    }

    /// Positional arguments from Swift values; nil binds NULL. For argument lists built at run time.
    public init(_ values: [(any SQLiteValueConvertible)?]) {
        self.init(positional: values.map { $0?.sqliteValue ?? .null })
    }

    /// Named arguments from Swift values; nil binds NULL.
    public init(_ values: [String: (any SQLiteValueConvertible)?]) {
        self.init(named: values.sorted { $0.key < $1.key }.map { ($0.key, $0.value?.sqliteValue ?? .null) })
    }

    /// The number of values.
    public var count: Int {
        switch storage {
        case .positional(let values): values.count
        case .named(let pairs): pairs.count
        }
    }

    /// The bound values in order, for tests and deliberate inspection.
    public var values: [SQLiteValue] {
        switch storage {
        case .positional(let values): values
        case .named(let pairs): pairs.map(\.value)
        }
    }

    /// The arguments written out in full. Contains whatever was bound, personal data included.
    public var revealedDescription: String {
        switch storage {
        case .positional(let values):
            "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .named(let pairs):
            "[" + pairs.map { ":\($0.name): \($0.value)" }.joined(separator: ", ") + "]"
        }
    }

    /// A parameter name without its `:`, `@` or `$` prefix.
    static func bareName(_ name: String) -> String {
        guard let first = name.first, ":@$".contains(first) else { return name }
        return String(name.dropFirst())
    }
}

extension StatementArguments: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: (any SQLiteValueConvertible)?...) {
        self.init(positional: elements.map { $0?.sqliteValue ?? .null })
    }
}

extension StatementArguments: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, (any SQLiteValueConvertible)?)...) {
        self.init(named: elements.map { ($0.0, $0.1?.sqliteValue ?? .null) })
    }
}

extension StatementArguments: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Redacted: says how many values there are, never what they are.
    public var description: String { "[\(count) argument\(count == 1 ? "" : "s") redacted]" }
    public var debugDescription: String { description }
    /// Hides the values from `dump` and `Mirror`, which would otherwise print them.
    public var customMirror: Mirror { Mirror(self, children: ["count": count], displayStyle: .struct) }
}
