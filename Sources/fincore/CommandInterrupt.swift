import Foundation
import Synchronization

/// Counts SIGINTs while a command runs. An atomic, because the signal handler may touch nothing else.
private let interruptsReceived = Atomic<Int>(0)

/// Ctrl-C while a REPL command runs: cancels that command's task instead of killing the process.
///
/// The handler only bumps an atomic counter (all a signal handler may safely do); a watcher task
/// polls it and cancels the command's task, and the sync engine stops at its next request,
/// keeping what it did (acknowledged pushes stay done, an entry in flight goes back to pending).
/// More Ctrl-Cs change nothing. Readline installs its own handler while it reads a line, and
/// outside both the REPL leaves SIGINT ignored, so no Ctrl-C ever kills the session.
enum CommandInterrupt {
    /// Runs `body` in a task of its own that Ctrl-C cancels; says whether Ctrl-C came.
    static func run<Value: Sendable>(_ body: @escaping @Sendable () async -> Value) async -> (Value, interrupted: Bool) {
        interruptsReceived.store(0, ordering: .relaxed)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruptsReceived.add(1, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART  // the command's reads and writes go on; only its task is cancelled
        var previous = sigaction()
        sigaction(SIGINT, &action, &previous)
        defer { sigaction(SIGINT, &previous, nil) }

        let task = Task { await body() }
        let watcher = Task {
            while !Task.isCancelled {
                if interruptsReceived.load(ordering: .relaxed) > 0 {
                    task.cancel()
                    return
                }
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
        let value = await task.value
        watcher.cancel()
        return (value, interruptsReceived.load(ordering: .relaxed) > 0)
    }
}
