#if canImport(Glibc)
import Glibc
#endif

/// The two system calls `Terminal` needs, kept in one place (habit 6).
extension Terminal {
    /// True when `descriptor` is a terminal (isatty(3)).
    public static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// The terminal's column count from `ioctl(TIOCGWINSZ)`, nil when it cannot say.
    static func windowColumns(_ descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
