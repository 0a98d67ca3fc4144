import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import FincoreModel

extension APIClient {
    /// Sends `request` and decodes a 2xx body as `T`.
    public func send<T: Decodable & Sendable>(_ request: APIRequest, as type: T.Type) async throws(APIError)
        -> APIResponse<T> {
        try await execute(request) { head, data in Self.decodeBody(T.self, head: head, data: data) }
    }

    /// Sends `request` whose success has no body (`DELETE` → 204) and returns the metadata.
    public func sendWithoutBody(_ request: APIRequest) async throws(APIError) -> ResponseMetadata {
        try await execute(request) { _, _ in .success(()) }.meta
    }

    /// Sends `request` and returns the raw 2xx body, undecoded.
    public func sendRaw(_ request: APIRequest) async throws(APIError) -> APIResponse<Data> {
        try await execute(request) { _, data in .success(data) }
    }

    /// The retry loop: schedule, send, classify, and either return, retry or throw.
    ///
    /// The `Idempotency-Key` is fixed before the first attempt, so a `POST` whose answer was
    /// lost (a timeout, a dropped connection, a cut-off body) is sent again under the same key
    /// and answered from the server's store ("Idempotency": `Idempotent-Replayed: true`).
    /// `decode` runs inside the loop because a cut-off 2xx body is a transport failure to retry.
    func execute<Value: Sendable>(
        _ request: APIRequest,
        decode: (HTTPResponseHead, Data) -> Result<Value, MalformedResponse.Problem>
    ) async throws(APIError) -> APIResponse<Value> {
        let clock = configuration.clock
        let policy = configuration.retryPolicy
        let idempotencyKey = request.idempotencyKey ?? (request.method.takesIdempotencyKey ? .generate() : nil)
        let line = request.line
        let start = clock.now()
        var attempt = 0
        var answerMayHaveBeenLost = false
        while true {
            attempt += 1
            let outcome = await attemptOnce(request, key: idempotencyKey, attempt: attempt, start: start, decode: decode)
            let error: APIError
            switch outcome {
            case .success(let response):
                return response
            case .failure(let failure):
                error = failure
            }
            // A DELETE that executed on an attempt whose answer was lost finds the object gone
            // on the retry; that is the success the caller asked for (DELETE carries no key).
            if request.method == .delete, answerMayHaveBeenLost, error.httpFailure?.knownCode == .notFound {
                return APIResponse(value: try Self.noBody(Value.self, request: line),
                                   meta: ResponseMetadata(status: 204, attempts: attempt))
            }
            if case .transport(let failure) = error, failure.mayHaveExecuted { answerMayHaveBeenLost = true }
            let decision = policy.decide(
                recovery: error.recovery, retryAfter: error.retryAfter, attemptsMade: attempt,
                elapsed: clock.now() - start, unitRandom: configuration.random())
            guard case .retry(let delay) = decision else {
                configuration.onEvent?(.failed(request: line, error: error))
                throw error
            }
            configuration.onEvent?(.retrying(request: line, attempt: attempt, after: delay, error: error))
            do {
                try await clock.sleep(for: delay)
            } catch {
                throw .transport(TransportFailure(kind: .cancelled, request: line))
            }
        }
    }

    /// One attempt: wait for the rate limit, send, record the headers, classify the answer.
    private func attemptOnce<Value: Sendable>(
        _ request: APIRequest, key: IdempotencyKey?, attempt: Int, start: Duration,
        decode: (HTTPResponseHead, Data) -> Result<Value, MalformedResponse.Problem>
    ) async -> Result<APIResponse<Value>, APIError> {
        let clock = configuration.clock
        let line = request.line
        let permit: RateLimitScheduler.Permit
        switch await acquire(request) {
        case .success(let granted): permit = granted
        case .failure(let error): return .failure(error)
        }
        let urlRequest: URLRequest
        switch makeURLRequest(request, key: key, timeout: attemptTimeout(request, elapsed: clock.now() - start)) {
        case .success(let built): urlRequest = built
        case .failure(let error):
            await scheduler.didNotSend(permit)
            return .failure(error)
        }
        configuration.onEvent?(.sending(
            request: line, attempt: attempt, headers: APIEvent.redacted(urlRequest.allHTTPHeaderFields ?? [:])))
        let sentAt = clock.now()
        let head: HTTPResponseHead
        let data: Data
        do {
            (head, data) = try await transport.send(urlRequest)
        } catch let refused as ResponseTooLarge {
            let head = refused.head
            await scheduler.didReceive(
                permit, status: head.status, headers: head.rateLimit, retryAfterSeconds: head.retryAfterSeconds)
            return .failure(.malformed(MalformedResponse(
                status: head.status, problem: .tooLarge(limit: refused.limit), byteCount: refused.received,
                retryAfterSeconds: head.retryAfterSeconds, rateLimit: head.rateLimit, request: line)))
        } catch {
            await scheduler.didFail(permit)
            return .failure(.transport(TransportFailure(error, request: line)))
        }
        await scheduler.didReceive(
            permit, status: head.status, headers: head.rateLimit, retryAfterSeconds: head.retryAfterSeconds)
        configuration.onEvent?(.received(
            request: line, status: head.status, replayed: head.replayed, elapsed: clock.now() - sentAt))
        let meta = ResponseMetadata(
            status: head.status, version: head.version, replayed: head.replayed, rateLimit: head.rateLimit,
            idempotencyKey: key, attempts: attempt)
        guard (200...299).contains(head.status) else {
            return .failure(Self.failure(head: head, data: data, request: line))
        }
        switch decode(head, data) {
        case .success(let value):
            return .success(APIResponse(value: value, meta: meta))
        case .failure(let problem):
            return .failure(.malformed(MalformedResponse(
                status: head.status, problem: problem, byteCount: data.count,
                retryAfterSeconds: head.retryAfterSeconds, rateLimit: head.rateLimit, request: line)))
        }
    }

    /// Waits for the rate limit; a bucket paused longer than the policy sleeps through
    /// (`maxRetryAfter`) fails at once as the 429 that paused it, with the time left as its
    /// `Retry-After`, so the caller parks the request instead of waiting (possibly a day).
    func acquire(_ request: APIRequest) async -> Result<RateLimitScheduler.Permit, APIError> {
        let line = request.line
        do {
            return .success(try await scheduler.acquire(
                request.bucket, priority: request.priority, maximumPause: configuration.retryPolicy.maxRetryAfter))
        } catch let paused as RateLimitScheduler.Paused {
            let body = APIErrorBody(
                code: .rateLimited,
                message: "Not sent: the server asked this client to wait \(paused.seconds)s before its next request")
            return .failure(.http(HTTPFailure(status: 429, body: body, retryAfterSeconds: paused.seconds, request: line)))
        } catch {
            return .failure(.transport(TransportFailure(kind: .cancelled, request: line)))
        }
    }

    /// One attempt's timeout: the request's or the client's, cut to what the deadline leaves.
    private func attemptTimeout(_ request: APIRequest, elapsed: Duration) -> Duration {
        let wanted = request.timeout ?? configuration.requestTimeout
        guard let deadline = configuration.retryPolicy.deadline else { return wanted }
        return max(.milliseconds(100), min(wanted, deadline - elapsed))
    }

    private static func noBody<Value>(_ type: Value.Type, request: String) throws(APIError) -> Value {
        if let unit = () as? Value { return unit }
        if let data = Data() as? Value { return data }
        throw .malformed(MalformedResponse(status: 204, problem: .empty, byteCount: 0, request: request))
    }
}
