import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real transport: one `URLSession` whose data tasks report through `StreamingDelegate`.
///
/// Whole answers (JSON) are read through the streaming delegate too, so that they can be
/// bounded: at most `maximumBodyBytes` are held (a larger `Content-Length` is refused before
/// any byte is read), and the whole answer must arrive within the request's
/// `timeoutInterval`. A streamed body may lag at most `maximumUnreadBytes` behind its reader. URLSession's own timeout only measures idleness, so without the second
/// bound a server trickling bytes forever would hold a call (and the sync behind it) forever.
///
/// Each session keeps its connections alive between requests (HTTP/1.1 keep-alive), which
/// matters at 100 requests a minute. Cookies and caches are off: the API is stateless and a
/// cached answer could hide a newer version of an object.
public final class URLSessionTransport: HTTPTransport {
    private let streamer: StreamingDelegate
    private let streamingSession: URLSession
    /// The most a whole answer may hold; a list page of 100 full loans is about 200 KiB.
    public let maximumBodyBytes: Int

    /// The most a streamed body may hold received but not yet read (a reader far behind).
    public let maximumUnreadBytes: Int

    /// The default cap on a whole answer's body: 16 MiB, far above any page of the contract.
    public static let defaultMaximumBodyBytes = 16 << 20
    /// The default cap on a stream's unread bytes: 128 MiB, far more than a reader applying
    /// batches of 500 objects falls behind on a fast link.
    public static let defaultMaximumUnreadBytes = 128 << 20

    public init(maximumBodyBytes: Int = URLSessionTransport.defaultMaximumBodyBytes,
                maximumUnreadBytes: Int = URLSessionTransport.defaultMaximumUnreadBytes) {
        self.maximumBodyBytes = max(1, maximumBodyBytes)
        self.maximumUnreadBytes = max(1, maximumUnreadBytes)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpMaximumConnectionsPerHost = 4
        streamer = StreamingDelegate()
        streamingSession = URLSession(configuration: configuration, delegate: streamer, delegateQueue: nil)
    }

    deinit {
        streamingSession.finishTasksAndInvalidate()
    }

    public func send(_ request: URLRequest) async throws -> (HTTPResponseHead, Data) {
        let limit = maximumBodyBytes
        let streamer = self.streamer
        let session = streamingSession
        let seconds = request.timeoutInterval > 0 ? request.timeoutInterval : 60
        return try await withThrowingTaskGroup(of: (HTTPResponseHead, Data).self) { group in
            group.addTask { try await Self.receiveWhole(request, limit: limit, streamer: streamer, session: session) }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                throw URLError(.timedOut)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw URLError(.unknown) }
            return first
        }
    }

    /// Reads one answer whole, refusing a body over `limit` bytes as soon as it is known to be.
    private static func receiveWhole(_ request: URLRequest, limit: Int, streamer: StreamingDelegate,
                                     session: URLSession) async throws -> (HTTPResponseHead, Data) {
        // The delegate refuses a `Content-Length` over the limit and stops the transfer once
        // more than `limit` bytes arrived (`ResponseTooLarge` from the head or the body).
        let (head, chunks) = try await streamer.start(request, in: session, limits: .init(total: limit))
        var data = Data()
        for try await chunk in chunks {
            try Task.checkCancellation()
            data.append(chunk)
        }
        // A cancelled stream ends like a finished one: never hand on a body cut short by it.
        try Task.checkCancellation()
        return (head, data)
    }

    public func stream(_ request: URLRequest) async throws -> (HTTPResponseHead, BodyChunks) {
        try await streamer.start(request, in: streamingSession, limits: .init(unread: maximumUnreadBytes))
    }
}
