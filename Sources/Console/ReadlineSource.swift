#if canImport(Glibc)
import Glibc
#endif
import CReadline

/// Lines typed at a terminal through GNU readline: editing, history and tab completion.
///
/// History lives in a file kept at mode 0600 and is appended to line by line (so a crash loses
/// nothing); lines `HistoryFilter` calls secret never reach it, nor the in-memory list.
///
/// Ctrl-C clears the line being typed and shows a fresh prompt instead of killing the REPL.
/// How, and why it is signal-safe: readline's own signal handling is turned off
/// (`rl_catch_signals = 0`); while `readline()` runs, our SIGINT handler (installed without
/// SA_RESTART, the previous one restored afterwards) only sets an atomic flag, which interrupts
/// readline's `read`/`pselect` with EINTR. Readline then calls `rl_signal_event_hook` in normal
/// (not signal) context, where clearing the line and redisplaying is safe. The REPL reads on a
/// worker thread of the concurrency runtime, which blocks signals: SIGINT is unblocked on it
/// while reading, and a handler run on another thread passes the signal on to it. Outside `readline()`
/// SIGINT keeps the disposition the executable chose. Ctrl-D on an empty line ends input (nil).
///
/// Readline is process-global C state, so only one `ReadlineSource` should exist at a time.
/// It cannot be driven without a pty: its tests belong to the end-to-end suite.
public final class ReadlineSource: LineSource {
    public let name = "<terminal>"
    public let isInteractive = true
    /// Shown before each line; may change between lines (say, to show pending edits).
    public var prompt: String
    private let historyPath: String?
    private let historyLimit: Int32
    private var lineNumber = 0

    /// - Parameters:
    ///   - historyPath: where history is kept; nil keeps none.
    ///   - completer: what Tab offers; nil leaves Tab inert (never filename completion).
    public init(prompt: String, historyPath: String?, historyLimit: Int = 1000, completer: Completer?) {
        self.prompt = prompt
        self.historyPath = historyPath
        self.historyLimit = Int32(clamping: historyLimit)
        ReadlineBridge.configure(completer: completer)
        using_history()
        stifle_history(self.historyLimit)
        if let historyPath {
            ReadlineBridge.createPrivately(historyPath)
            _ = read_history(historyPath)
        }
    }

    public func nextLine() -> SourceLine? {
        let previous = ReadlineBridge.interceptInterrupts()
        defer { ReadlineBridge.restoreInterrupts(previous) }
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        // Lenient decoding on purpose: invalid bytes become U+FFFD, which the tokenizer refuses
        // with a column, and the session goes on instead of ending on a stray byte.
        let text = String(decoding: UnsafeRawBufferPointer(start: raw, count: strlen(raw)), as: UTF8.self)
        lineNumber += 1
        if HistoryFilter.shouldRemember(text) {
            add_history(raw)
            if let historyPath { _ = append_history(1, historyPath) }
        }
        return SourceLine(text, at: SourceLocation(name: name, line: lineNumber))
    }

    /// Trims the history file to the limit; call once when the session ends.
    public func close() {
        if let historyPath { _ = history_truncate_file(historyPath, historyLimit) }
        ReadlineBridge.configure(completer: nil)
    }
}
