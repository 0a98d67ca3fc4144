/// Bold, colours and dim as ANSI SGR escapes (ECMA-48 §8.3.117), or plain text when disabled.
///
/// Colour is decoration: nothing must depend on it, so every helper returns its input
/// unchanged when `enabled` is false (scripts, pipes, `NO_COLOR`).
public struct Style: Sendable, Equatable {
    public let enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func red(_ text: String) -> String { wrap(text, "31") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
