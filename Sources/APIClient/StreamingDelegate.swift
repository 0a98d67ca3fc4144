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
final class StreamingDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // @unchecked: `transfers` is only touched under `lock`; URLSession calls us on its own queue.
    private let lock = NSLock()
    private var transfers: [Int: Transfer] = [:]

    private final class Transfer {
        let task: URLSessionDataTask
        var head: CheckedContinuation<(HTTPResponseHead, BodyChunks), any Error>?
        let stream: AsyncThrowingStream<Data, any Error>
        let body: AsyncThrowingStream<Data, any Error>.Continuation
        var buffered = 0

        init(task: URLSessionDataTask) {
            self.task = task
            (stream, body) = AsyncThrowingStream<Data, any Error>.makeStream()
        }
    }

    func start(_ request: URLRequest, in session: URLSession) async throws -> (HTTPResponseHead, BodyChunks) {
        let task = session.dataTask(with: request)
        let slot = CancellableDataTask()
        slot.set(task)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let transfer = Transfer(task: task)
                transfer.head = continuation
                lock.withLock { transfers[task.taskIdentifier] = transfer }
                transfer.body.onTermination = { [weak self] _ in
                    task.cancel()
                    self?.forget(task.taskIdentifier)
                }
                task.resume()
            }
        } onCancel: {
            slot.cancel()  // never `task.cancel()` here: it can deadlock (CancellableDataTask)
        }
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

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let transfer = lock.withLock { transfers[dataTask.taskIdentifier] }
        if let transfer, let http = response as? HTTPURLResponse {
            let head = transfer.head
            transfer.head = nil
            let id = dataTask.taskIdentifier
            let chunks = BodyChunks(transfer.stream) { [weak self] count in self?.consumed(count, taskIdentifier: id) }
            head?.resume(returning: (HTTPResponseHead(http), chunks))
            completionHandler(.allow)
        } else {
            transfer?.head?.resume(throwing: URLError(.badServerResponse))
            transfer?.head = nil
            completionHandler(.cancel)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let transfer: Transfer? = lock.withLock {
            let transfer = transfers[dataTask.taskIdentifier]
            transfer?.buffered += data.count
            return transfer
        }
        transfer?.body.yield(data)
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
