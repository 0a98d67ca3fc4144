#if canImport(Glibc)
import Glibc
#endif
// `@preconcurrency`: Swift 6 flags every access to readline's C globals (`rl_line_buffer`, the
// hooks) as shared mutable state. They are touched only on the REPL's one thread, inside or
// just before `readline()`, which is the discipline readline itself requires.
@preconcurrency import CReadline
import Synchronization

/// The completer readline's C callback consults. C function pointers cannot capture context,
/// so the active `Completer` sits in this one global slot, set by `ReadlineSource` (on the
/// REPL's thread, before `readline()`) and read only by the callback, which readline calls on
/// that same thread during `readline()`. That single-thread discipline is why
/// `nonisolated(unsafe)` is sound here; nothing else in Console uses it.
nonisolated(unsafe) private var activeCompleter: Completer?

/// Set by the SIGINT handler, cleared by the event hook. An atomic, so the handler is signal-safe.
private let interruptPending = Atomic<Bool>(false)

/// The thread blocked in `readline()` (0 when none). A terminal's SIGINT goes to the process and
/// the kernel hands it to any thread, most often the main one, while the REPL reads on another:
/// the handler passes it on (`pthread_kill`, async-signal-safe), so readline's `read` sees EINTR.
private let readingThread = Atomic<UInt>(0)

/// The C side of `ReadlineSource`: callbacks, the signal handler and the history file's mode.
enum ReadlineBridge {
    /// Installs the completion callback and word rules, and turns off readline's signal handling.
    static func configure(completer: Completer?) {
        activeCompleter = completer
        rl_readline_name = UnsafePointer(strdup("fincore"))
        // Words break only at blanks and `;`, so `method=mo` is one word for `Completer`.
        rl_completer_word_break_characters = UnsafePointer(strdup(" \t;"))
        rl_attempted_completion_function = complete
        rl_catch_signals = 0
        rl_signal_event_hook = interrupted
    }

    /// What `interceptInterrupts` changed, for `restoreInterrupts` to put back.
    struct SavedInterrupts {
        let action: sigaction
        let mask: sigset_t
    }

    /// Installs the flag-setting SIGINT handler without SA_RESTART and lets SIGINT reach this
    /// thread: the REPL reads on a worker thread of the concurrency runtime, and those block
    /// every signal, so readline's `read` would never see EINTR. Returns what it changed.
    static func interceptInterrupts() -> SavedInterrupts {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { number in
            interruptPending.store(true, ordering: .relaxed)
            #if os(Linux)
            let reader = readingThread.load(ordering: .relaxed)
            if reader != 0, pthread_self() != reader { pthread_kill(reader, number) }
            #endif
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        var previous = sigaction()
        #if os(Linux)
        readingThread.store(pthread_self(), ordering: .relaxed)
        #endif
        sigaction(SIGINT, &action, &previous)
        var interrupt = sigset_t(), mask = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, &mask)
        return SavedInterrupts(action: previous, mask: mask)
    }

    static func restoreInterrupts(_ saved: SavedInterrupts) {
        var action = saved.action, mask = saved.mask
        readingThread.store(0, ordering: .relaxed)  // first, so that no Ctrl-C is passed on to a thread about to block it
        pthread_sigmask(SIG_SETMASK, &mask, nil)
        sigaction(SIGINT, &action, nil)
        interruptPending.store(false, ordering: .relaxed)
    }

    /// Creates the history file at 0600, or tightens an existing one: it may hold customer names.
    static func createPrivately(_ path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        if descriptor >= 0 { close(descriptor) }
        chmod(path, 0o600)
    }
}

/// `rl_signal_event_hook`: runs in normal context after a signal interrupted readline's read.
private func interrupted() -> Int32 {
    guard interruptPending.exchange(false, ordering: .relaxed) else { return 0 }
    rl_replace_line("", 0)
    rl_crlf()
    rl_on_new_line()
    rl_redisplay()
    return 0
}

/// `rl_attempted_completion_function`: hands the text before the cursor to the active completer
/// and returns readline's match array (common prefix first, then matches, NULL-terminated).
private func complete(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1   // never fall back to completing file names
    guard let completer = activeCompleter, let buffer = rl_line_buffer, end >= 0 else { return nil }
    let prefix = String(decoding: UnsafeRawBufferPointer(start: buffer, count: Int(end)), as: UTF8.self)
    let candidates = completer.complete(prefix)
    guard let first = candidates.first else { return nil }
    // A field name waits for its value: no space after `amount=`.
    if candidates.count == 1, first.hasSuffix("=") { rl_completion_append_character = 0 }
    let common = candidates.dropFirst().reduce(first) { prefix, candidate in
        String(zip(prefix, candidate).prefix { $0 == $1 }.map(\.0))
    }
    let entries = candidates.count == 1 ? [first] : [common] + candidates
    guard let array = malloc((entries.count + 1) * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)?
        .bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1) else { return nil }
    for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
    array[entries.count] = nil
    return array
}
