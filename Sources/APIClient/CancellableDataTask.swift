import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `URLSessionTask` slot that a Swift task's cancellation handler cancels without blocking.
///
/// Why: on Linux, `URLSessionTask.cancel()` waits (`DispatchQueue.sync`) for the session's
/// work queue, and a cancellation handler runs while the Swift runtime holds the cancelled
/// task's status lock. If the work queue is at that moment completing the same request (and
/// so resuming its continuation, which takes that lock), neither side can move: a sync
/// cancelled at the instant an answer arrived hung forever (seen in ExactlyOnceTests; both
/// stacks were `swift_task_cancel` → `URLSessionTask.cancel` and `resume` →
/// `withStatusRecordLock`). So the cancel is only recorded here and sent from another queue.
final class CancellableDataTask: @unchecked Sendable {
    // Guards `task` and `cancelled`; never held while calling into URLSession.
    private let lock = NSLock()
    private var task: URLSessionTask?
    private var cancelled = false

    /// Keeps `task`; cancels it at once (off this thread) when cancellation came first.
    func set(_ task: URLSessionTask) {
        let cancelNow = lock.withLock { () -> Bool in
            self.task = task
            return cancelled
        }
        if cancelNow { Self.cancelLater(task) }
    }

    /// Records the cancellation and cancels the task, if any, from another queue.
    func cancel() {
        let task = lock.withLock { () -> URLSessionTask? in
            cancelled = true
            return self.task
        }
        if let task { Self.cancelLater(task) }
    }

    private static func cancelLater(_ task: URLSessionTask) {
        DispatchQueue.global().async { task.cancel() }
    }
}
