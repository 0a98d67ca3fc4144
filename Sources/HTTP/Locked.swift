import Foundation

/// A value guarded by a lock, for state shared by blocking threads and tasks.
///
/// Not `Synchronization.Mutex`: on Linux that locks with raw futex calls, which ThreadSanitizer
/// cannot see, so every access under it is reported as a race and `scripts/sanitize thread` could
/// never pass. `NSLock` is a pthread mutex, which ThreadSanitizer understands.
public final class Locked<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `value` is read and written only while `lock` is held.
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the value while holding the lock.
    public func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
