/// One column of an `OutputTable`: its header and what kind of values it holds.
public struct OutputColumn: Sendable, Hashable {
    /// What a column holds: decides alignment in tables and quoting in JSON.
    public enum Kind: Sendable, Hashable {
        /// Free text, left-aligned.
        case text
        /// A plain number (count, days), right-aligned and written as a JSON number when it is one.
        case number
        /// Formatted money (`1,250.00`), right-aligned and kept a JSON string so no precision is lost.
        case money
    }

    public let name: String
    public let kind: Kind

    public init(_ name: String, _ kind: Kind = .text) {
        self.name = name
        self.kind = kind
    }

    /// Numbers and money line up on their last digit.
    public var isRightAligned: Bool { kind != .text }
}
