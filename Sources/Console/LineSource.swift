/// Something that yields input lines one at a time: a terminal with line editing, a file, stdin, `-c`.
///
/// `nextLine()` returns nil at end of input (Ctrl-D on a terminal). Errors carry their line
/// number; after one, a source returns nil so a runner can never loop on a broken input.
public protocol LineSource: AnyObject {
    /// The name used in `NAME:LINE: error:` messages (`-c`, `<stdin>`, a path).
    var name: String { get }
    /// True when a person is typing: errors do not stop the session and carry no location.
    var isInteractive: Bool { get }
    func nextLine() throws(LineSourceError) -> SourceLine?
}
