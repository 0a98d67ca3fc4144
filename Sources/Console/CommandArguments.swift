/// The words after a command's path, separated into positionals and `key=value` fields.
///
/// Data only: it refuses what no command could accept (a key given twice, an empty key, a key
/// that is not a dotted name) and leaves checking names and values against a `CommandSpec`
/// to `CommandTable`, and meaning to the command itself.
public struct CommandArguments: Sendable, Equatable {
    /// One `key=value` field in the order typed.
    public struct Field: Sendable, Equatable {
        public let key: String
        public let value: String
        /// The 1-based column of the word on its line, for error messages.
        public let column: Int

        public init(key: String, value: String, column: Int = 1) {
            self.key = key
            self.value = value
            self.column = column
        }
    }

    /// Words without an unquoted `=`, in order.
    public var positionals: [String]
    /// Fields in the order typed; keys are unique.
    public var fields: [Field]

    public init(positionals: [String] = [], fields: [Field] = []) {
        self.positionals = positionals
        self.fields = fields
    }

    /// Splits words as the tokenizer marked them: a word with an unquoted `=` is a field.
    public init(_ words: [CommandWord]) throws(UsageError) {
        self.init()
        for word in words {
            guard let key = word.key, let value = word.value else {
                positionals.append(word.text)
                continue
            }
            guard !key.isEmpty else { throw .emptyFieldName(word.text) }
            guard Self.isValidKey(key) else { throw .invalidFieldName(key) }
            guard self[key] == nil else { throw .duplicateField(key) }
            fields.append(Field(key: key, value: value, column: word.column))
        }
    }

    /// Splits plain strings (from argv, say) at their first `=`.
    public init(strings: [String]) throws(UsageError) {
        try self.init(strings.map { CommandWord.plain($0) })
    }

    /// The value of a field, if given.
    public subscript(key: String) -> String? {
        fields.first(where: { $0.key == key })?.value
    }

    /// The field keys in the order typed.
    public var keys: [String] { fields.map(\.key) }

    /// Fields under a dotted prefix with the prefix removed: `kyc.id_number` is `id_number` in `kyc`.
    public func fields(under prefix: String) -> [Field] {
        let lead = prefix + "."
        return fields.compactMap { field in
            guard field.key.hasPrefix(lead) else { return nil }
            return Field(key: String(field.key.dropFirst(lead.count)), value: field.value, column: field.column)
        }
    }

    /// A key is dot-separated names of letters, digits, `_` and `-`: `amount`, `kyc.id_number`.
    /// Anything else is almost always a typo or a value that meant to be quoted.
    public static func isValidKey(_ key: String) -> Bool {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
            }
        }
    }
}
