import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import FincoreModel

extension APIClient {
    /// Sends a `GET` and returns its body as NDJSON lines read as they arrive.
    ///
    /// Only the head is retried (by the client's policy): once lines have been handed to the
    /// caller, a failure ends the sequence with an error and the caller decides (an export is
    /// read again from the start, or the rows after `as_of` are pulled with `updated_since`).
    public func streamLines(_ request: APIRequest) async throws(APIError) -> NDJSONLines {
        let clock = configuration.clock
        let start = clock.now()
        var attempt = 0
        while true {
            attempt += 1
            let error: APIError
            switch await streamOnce(request, start: start) {
            case .success(let lines): return lines
            case .failure(let failure): error = failure
            }
            let decision = configuration.retryPolicy.decide(
                recovery: error.recovery, retryAfter: error.retryAfter, attemptsMade: attempt,
                elapsed: clock.now() - start, unitRandom: configuration.random())
            guard case .retry(let delay) = decision else { throw error }
            configuration.onEvent?(.retrying(request: request.line, attempt: attempt, after: delay, error: error))
            do {
                try await clock.sleep(for: delay)
            } catch {
                throw .transport(TransportFailure(kind: .cancelled, request: request.line))
            }
        }
    }

    private func streamOnce(_ request: APIRequest, start: Duration) async -> Result<NDJSONLines, APIError> {
        let line = request.line
        let permit: RateLimitScheduler.Permit
        switch await acquire(request) {
        case .success(let granted): permit = granted
        case .failure(let error): return .failure(error)
        }
        let timeout = request.timeout ?? configuration.requestTimeout
        let urlRequest: URLRequest
        switch makeURLRequest(request, key: nil, timeout: timeout) {
        case .success(let built): urlRequest = built
        case .failure(let error):
            await scheduler.didNotSend(permit)
            return .failure(error)
        }
        configuration.onEvent?(.sending(request: line, attempt: 1,
                                        headers: APIEvent.redacted(urlRequest.allHTTPHeaderFields ?? [:])))
        let head: HTTPResponseHead
        let chunks: BodyChunks
        do {
            (head, chunks) = try await transport.stream(urlRequest)
        } catch {
            await scheduler.didFail(permit)
            return .failure(.transport(TransportFailure(error, request: line)))
        }
        await scheduler.didReceive(permit, status: head.status, headers: head.rateLimit,
                                   retryAfterSeconds: head.retryAfterSeconds)
        guard (200...299).contains(head.status) else {
            // Error bodies are small; read at most 64 KiB of one to classify it.
            var body = Data()
            do {
                for try await chunk in chunks {
                    body.append(chunk.prefix(65_536 - body.count))
                    if body.count >= 65_536 { break }
                }
            } catch {
                return .failure(.transport(TransportFailure(error, request: line)))
            }
            return .failure(Self.failure(head: head, data: body, request: line))
        }
        return .success(NDJSONLines(chunks, request: line, maximumLineBytes: configuration.maximumLineBytes))
    }
}
