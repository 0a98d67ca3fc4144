import Console

/// The settings a session may change as it runs (`set format json`, `offline on`).
///
/// `format` and `offline` last for the session; the background-sync setting and the scope are
/// kept in the replica (`SyncEngine.setAutoSync`, `SyncEngine.setScope`), so they hold for every
/// later session on it; `autoSync` here is the session's copy of the first.
struct SessionSettings: Sendable, Equatable {
    /// How command output is rendered.
    var format: OutputFormat
    /// True when the user asked to stay offline: server-only commands are refused, edits queue,
    /// and nothing syncs in the background.
    var offline: Bool
    /// The replica's background-sync setting (`sync auto on|off`).
    var autoSync = true
    /// True in the REPL: a person is there (background sync runs, Ctrl-C cancels a command).
    var interactive = false
    /// Edits saved during this session (a script that saved some while offline exits 3).
    var editsSaved = 0
    /// Set by `quit`: the session ends before reading another line.
    var quitRequested = false
}
