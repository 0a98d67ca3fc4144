import Foundation

/// What the process is attached to: terminals on stdin and stdout, the width, and whether to colour.
///
/// Decided once at start-up and passed down as a value, so renderers and tests never probe the
/// environment themselves. The probing (isatty, ioctl) lives in `Terminal+Glibc.swift`.
public struct Terminal: Sendable, Equatable {
    /// Width when nothing better is known: the classic terminal.
    public static let defaultWidth = 80

    public let isInputTerminal: Bool
    public let isOutputTerminal: Bool
    /// Columns available to a line of output.
    public let width: Int
    /// True when escape sequences for colour and bold may be written.
    public let usesColour: Bool

    public init(isInputTerminal: Bool, isOutputTerminal: Bool, width: Int, usesColour: Bool) {
        self.isInputTerminal = isInputTerminal
        self.isOutputTerminal = isOutputTerminal
        self.width = width
        self.usesColour = usesColour
    }

    /// The real terminal, with `scripted` set for `-c`, `-f` and piped input (never coloured).
    public static func current(scripted: Bool,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> Terminal {
        let output = isTerminal(STDOUT_FILENO)
        return Terminal(
            isInputTerminal: isTerminal(STDIN_FILENO),
            isOutputTerminal: output,
            width: resolveWidth(windowColumns: output ? windowColumns(STDOUT_FILENO) : nil, environment: environment),
            usesColour: wantsColour(isOutputTerminal: output, scripted: scripted, environment: environment))
    }

    /// The width from the window size, else `COLUMNS`, else 80; nonsense values are ignored.
    public static func resolveWidth(windowColumns: Int?, environment: [String: String]) -> Int {
        if let windowColumns, windowColumns > 0 { return windowColumns }
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        return defaultWidth
    }

    /// Colour only on a terminal, not in scripts, and not when `NO_COLOR` is set to anything
    /// non-empty (https://no-color.org) or the terminal says it is dumb.
    public static func wantsColour(isOutputTerminal: Bool, scripted: Bool, environment: [String: String]) -> Bool {
        guard isOutputTerminal, !scripted else { return false }
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    /// Styling that is a no-op unless this terminal uses colour.
    public var style: Style { Style(enabled: usesColour) }
}
