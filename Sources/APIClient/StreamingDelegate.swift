import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Turns a data task's delegate callbacks into a head plus an `AsyncThrowingStream` of chunks.
///
/// `URLSession.bytes(for:)` does not exist in Linux's FoundationNetworking, so the body is read
/// through `URLSessionDataDelegate`: each chunk is yielded as it arrives and dropped once read.
///
/// No back-pressure: suspending a data task mid-body on Linux makes FoundationNetworking hand
/// the same chunk over again on resume (libcurl's write-callback pause), which duplicated lines
/// in testing. So a reader that keeps up holds one chunk; one that falls behind buffers what
/// the network delivers meanwhile. `bufferedBytes` is tracked so that a benchmark can see it.
///
/// Limits are enforced here, in the callbacks, not by the reader: a reader that stopped
/// reading (it hit its own cap, or was cancelled) would otherwise let a fast server fill the
/// stream's buffer without end (seen in testing: gigabytes within seconds on loopback).
/// `Limits.total` bounds a whole answer (a `Content-Length` over it is refused before any byte
/// is read); `Limits.unread` bounds what a stream may hold unread. Past either, the task is
/// cancelled at once and the body ends with `ResponseTooLarge`.
final class StreamingDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// The byte limits of one transfer; nil for none.
    struct Limits: Sendable {
        var total: Int?
        var unread: Int?
    }

    // @unchecked: `transfers` is only touched under `lock`; URLSession calls us on its own queue.
    private let lock = NSLock()
    private var transfers: [Int: Transfer] = [:]

    private final class Transfer {
        let task: URLSessionDataTask
        var head: CheckedContinuation<(HTTPResponseHead, BodyChunks), any Error>?
        let stream: AsyncThrowingStream<Data, any Error>
        let body: AsyncThrowingStream<Data, any Error>.Continuation
        var buffered = 0
        var received = 0
        let limits: Limits
        var responseHead: HTTPResponseHead?

        init(task: URLSessionDataTask, limits: Limits) {
            self.task = task
            self.limits = limits
            (stream, body) = AsyncThrowingStream<Data, any Error>.makeStream()
        }
    }

    func start(_ request: URLRequest, in session: URLSession, limits: Limits = Limits())
        async throws -> (HTTPResponseHead, BodyChunks) {
        let task = session.dataTask(with: request)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let transfer = Transfer(task: task, limits: limits)
                transfer.head = continuation
                lock.withLock { transfers[task.taskIdentifier] = transfer }
                transfer.body.onTermination = { [weak self] _ in
                    Self.cancelLater(task)
                    self?.forget(task.taskIdentifier)
                }
                task.resume()
            }
        } onCancel: {
            Self.cancelLater(task)
        }
    }

    /// Cancels a data task off the caller's thread.
    ///
    /// Swift runs a cancellation handler while holding the cancelled task's status lock, and
    /// FoundationNetworking's `cancel()` waits synchronously for the session's queue, whose thread
    /// may at that moment be resuming this same task's continuation (which needs that lock): a
    /// deadlock seen under load. Cancelling asynchronously never waits while holding anything.
    private static func cancelLater(_ task: URLSessionDataTask) {
        DispatchQueue.global().async { task.cancel() }
    }

    /// The reader took `count` bytes off the stream.
    func consumed(_ count: Int, taskIdentifier: Int) {
        lock.withLock { transfers[taskIdentifier]?.buffered -= count }
    }

    /// Bytes received and not yet read, over every transfer (for benchmarks).
    var bufferedBytes: Int { lock.withLock { transfers.values.reduce(0) { $0 + $1.buffered } } }

    private func forget(_ id: Int) {
        _ = lock.withLock { transfers.removeValue(forKey: id) }
    }

    /// Stops a transfer now: later callbacks find nothing, the reader sees the end (or `error`).
    func stop(_ id: Int, error: (any Error)? = nil) {
        guard let transfer = lock.withLock({ transfers.removeValue(forKey: id) }) else { return }
        Self.cancelLater(transfer.task)
        if let error { transfer.body.finish(throwing: error) } else { transfer.body.finish() }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let transfer = lock.withLock { transfers[dataTask.taskIdentifier] }
        if let transfer, let http = response as? HTTPURLResponse {
            let head = transfer.head
            transfer.head = nil
            let id = dataTask.taskIdentifier
            let responseHead = HTTPResponseHead(http)
            if let limit = transfer.limits.total, let length = responseHead.header("Content-Length").flatMap(Int.init),
               length > limit {
                forget(id)
                completionHandler(.cancel)
                head?.resume(throwing: ResponseTooLarge(head: responseHead, limit: limit, received: 0))
                return
            }
            transfer.responseHead = responseHead
            let chunks = BodyChunks(transfer.stream, onConsume: { [weak self] count in
                self?.consumed(count, taskIdentifier: id)
            }, onCancel: { [weak self] in self?.stop(id) })
            head?.resume(returning: (responseHead, chunks))
            completionHandler(.allow)
        } else {
            transfer?.head?.resume(throwing: URLError(.badServerResponse))
            transfer?.head = nil
            completionHandler(.cancel)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let counted: (Transfer, buffered: Int, received: Int)? = lock.withLock {
            guard let transfer = transfers[dataTask.taskIdentifier] else { return nil }
            transfer.buffered += data.count
            transfer.received += data.count
            return (transfer, transfer.buffered, transfer.received)
        }
        guard let (transfer, buffered, received) = counted else { return }
        let head = transfer.responseHead ?? HTTPResponseHead(status: 0, headers: [:])
        if let limit = transfer.limits.total, received > limit {
            stop(dataTask.taskIdentifier, error: ResponseTooLarge(head: head, limit: limit, received: received))
        } else if let limit = transfer.limits.unread, buffered > limit {
            stop(dataTask.taskIdentifier, error: ResponseTooLarge(head: head, limit: limit, received: received))
        } else {
            transfer.body.yield(data)
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let transfer = lock.withLock { transfers.removeValue(forKey: task.taskIdentifier) }
        guard let transfer else { return }
        if let head = transfer.head {
            head.resume(throwing: error ?? URLError(.badServerResponse))
            transfer.head = nil
        }
        if let error { transfer.body.finish(throwing: error) } else { transfer.body.finish() }
    }
}
