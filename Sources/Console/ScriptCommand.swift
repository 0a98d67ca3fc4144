/// One command of a script, split into words, with the line it came from.
public struct ScriptCommand: Sendable, Equatable {
    public let words: [CommandWord]
    public let location: SourceLocation

    public init(words: [CommandWord], location: SourceLocation) {
        self.words = words
        self.location = location
    }
}
