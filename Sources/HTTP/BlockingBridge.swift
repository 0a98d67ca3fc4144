import Dispatch

/// Runs async work from a connection thread and blocks that thread until the work is done.
///
/// Blocking on a semaphore is wrong on Swift's cooperative pool (it has one thread per core, two
/// here, and a blocked pool thread can deadlock the tasks it waits for). These callers are the
/// server's own connection threads, created for the purpose and outside the pool, so blocking one
/// costs nothing but that thread, while the async work runs on the pool, which stays free.
enum BlockingBridge {
    /// Carries the result from the task to the waiting thread. The semaphore orders the write before
    /// the read (signal happens-before the return of wait), which is why `@unchecked` is honest.
    private final class Box<Value: Sendable>: @unchecked Sendable {
        var value: Value?
        let done = DispatchSemaphore(value: 0)
    }

    /// The value of `operation`; nil only if the task never stored one, which cannot happen.
    static func run<Value: Sendable>(_ operation: @escaping @Sendable () async -> Value) -> Value? {
        let box = Box<Value>()
        Task {
            box.value = await operation()
            box.done.signal()
        }
        box.done.wait()
        return box.value
    }
}
