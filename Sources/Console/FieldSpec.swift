/// One `key=value` field a command accepts: its name, kind, whether it is required, and its help.
public struct FieldSpec: Sendable, Hashable {
    /// The key as typed, possibly dotted (`kyc.id_number`).
    public let name: String
    public let kind: FieldKind
    public let isRequired: Bool
    public let help: String

    public init(_ name: String, _ kind: FieldKind = .text, required: Bool = false, help: String = "") {
        self.name = name
        self.kind = kind
        self.isRequired = required
        self.help = help
    }

    /// How usage lines show the field: `amount=MONEY`, bracketed when optional.
    public var synopsis: String {
        let text = "\(name)=\(kind.placeholder)"
        return isRequired ? text : "[\(text)]"
    }
}
