/// Where a line came from: the script's name (`rates.fc`, `-c`, `<stdin>`) and its 1-based line.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let line: Int

    public init(name: String, line: Int) {
        self.name = name
        self.line = line
    }

    /// `FILE:LINE`, the prefix compilers and psql use so editors can jump to it.
    public var description: String { "\(name):\(line)" }
}
