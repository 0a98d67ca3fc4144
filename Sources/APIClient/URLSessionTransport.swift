import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real transport: one `URLSession` for whole answers and one for streamed bodies.
///
/// Each session keeps its connections alive between requests (HTTP/1.1 keep-alive), which
/// matters at 100 requests a minute. Cookies and caches are off: the API is stateless and a
/// cached answer could hide a newer version of an object.
public final class URLSessionTransport: HTTPTransport {
    private typealias Answer = CheckedContinuation<(Data, URLResponse), any Error>
    private let session: URLSession
    private let streamer: StreamingDelegate
    private let streamingSession: URLSession

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpMaximumConnectionsPerHost = 4
        session = URLSession(configuration: configuration)
        streamer = StreamingDelegate()
        streamingSession = URLSession(configuration: configuration, delegate: streamer, delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
        streamingSession.finishTasksAndInvalidate()
    }

    public func send(_ request: URLRequest) async throws -> (HTTPResponseHead, Data) {
        // Not `session.data(for:)`: its cancellation can deadlock on Linux (CancellableDataTask).
        let slot = CancellableDataTask()
        let (data, response) = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: Answer) in
                let task = session.dataTask(with: request) { data, response, error in
                    if let error {
                        continuation.resume(throwing: error)
                    } else if let response {
                        continuation.resume(returning: (data ?? Data(), response))
                    } else {
                        continuation.resume(throwing: URLError(.badServerResponse))
                    }
                }
                slot.set(task)
                task.resume()
            }
        } onCancel: {
            slot.cancel()
        }
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        return (HTTPResponseHead(http), data)
    }

    public func stream(_ request: URLRequest) async throws -> (HTTPResponseHead, BodyChunks) {
        try await streamer.start(request, in: streamingSession)
    }
}
