import Console

/// The settings a session may change as it runs (`set format json`, `offline on`).
struct SessionSettings: Sendable, Equatable {
    /// How command output is rendered.
    var format: OutputFormat
    /// True when the user asked to stay offline: server-only commands are refused, edits queue.
    var offline: Bool
    /// Edits saved during this session (a script that saved some while offline exits 3).
    var editsSaved = 0
    /// Set by `quit`: the session ends before reading another line.
    var quitRequested = false
}
