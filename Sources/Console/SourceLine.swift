/// One line of input and where it came from.
public struct SourceLine: Sendable, Equatable {
    public let text: String
    public let location: SourceLocation

    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
    }
}
