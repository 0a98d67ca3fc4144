import FincoreModel
import Foundation
import HTTP

/// Answers one HTTP request the way the contract orders its checks (§ Precise answers):
/// authentication, route and method, body syntax, then the endpoint (object, If-Match, state,
/// fields) inside one transaction with its idempotency record; rate limits and faults around it.
struct SandboxPipeline: Sendable {
    let configuration: SandboxConfiguration
    let store: SandboxStore
    let router: Router
    let routes: [String: SandboxRoute]
    let limiter: RateLimiter
    let faults: FaultInjector
    let idempotency: IdempotencyGuard
    let stats: SandboxStats
    let admin: AdminEndpoints
    let onCommit: @Sendable ([PendingEvent]) -> Void

    init(configuration: SandboxConfiguration, store: SandboxStore, routeTable: [SandboxRoute],
         faults: FaultInjector, stats: SandboxStats, admin: AdminEndpoints,
         onCommit: @escaping @Sendable ([PendingEvent]) -> Void) {
        self.configuration = configuration
        self.store = store
        self.limiter = RateLimiter(window: configuration.rateWindowSeconds)
        self.faults = faults
        self.idempotency = IdempotencyGuard()
        self.stats = stats
        self.admin = admin
        self.onCommit = onCommit
        let enabled = routeTable.filter { configuration.optionalFeatures || !$0.optional }
        var byKey: [String: SandboxRoute] = [:]
        // The HTTP router only matches; its handlers are never called (404/405 come from it).
        var router = Router()
        for route in enabled {
            byKey[Self.key(route.method, route.pattern)] = route
            router.add(route.method, route.pattern) { _ in HTTPResponse(status: .internalServerError) }
        }
        self.routes = byKey
        self.router = router
    }

    private static func key(_ method: HTTPMethod, _ pattern: String) -> String {
        "\(method.rawValue) \(pattern)"
    }

    /// The server's handler.
    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        if request.path.hasPrefix("/_sandbox/") {
            return await admin.handle(request, adminKey: configuration.adminKey)
        }
        guard let apiKey = authenticatedKey(request) else {
            stats.record(status: 401, replayed: false)
            return APIFailure(status: .unauthorized, code: "unauthorized",
                              message: "A valid API key is required: Authorization: Bearer <key>")
                .reply.response()
        }
        let now = ProcessInfo.processInfo.systemUptime
        let bucket = RateLimitBucket.forPath(request.path)
        var limit = limiter.admit(apiKey: apiKey, bucket: bucket, now: now)
        let plan = faults.plan()
        var reply: SandboxReply
        var replayed = false
        if !limit.allowed {
            reply = Self.rateLimited
        } else if let before = plan.before {
            switch before {
            case .dropConnection:
                stats.record(status: 0, replayed: false)
                return HTTPResponse(status: .ok, disposition: .dropConnection)
            case .unavailable:
                reply = APIFailure(status: .serviceUnavailable, code: "unavailable",
                                   message: "The server is overloaded; retry later",
                                   headers: [("Retry-After", "1")]).reply
            case .internalError:
                reply = APIFailure.internalError.reply
            case .rateLimitStorm:
                limit = limiter.exhaust(apiKey: apiKey, bucket: bucket, now: now)
                reply = Self.rateLimited
            }
        } else {
            (reply, replayed) = await route(request, apiKey: apiKey, latency: plan.latencyMilliseconds)
        }
        var response = reply.response(store: store)
        for (name, value) in limit.headers { response.headers.set(name, value) }
        if replayed { response.headers.set("Idempotent-Replayed", "true") }
        stats.record(status: reply.status.code, replayed: replayed)
        switch plan.after {
        case .dropConnection?: response.disposition = .dropConnection
        case .truncateBody?: response.disposition = .truncateBody(max(0, (reply.body?.count ?? 0) / 2))
        case nil: break
        }
        return response
    }

    private static let rateLimited = APIFailure(
        status: .tooManyRequests, code: "rate_limited", message: "Rate limit exceeded; see Retry-After").reply

    /// The caller's key when `Authorization: Bearer <key>` names a known one.
    private func authenticatedKey(_ request: HTTPRequest) -> String? {
        guard let header = request.headers["Authorization"] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let presented = String(parts[1]).trimmingCharacters(in: .whitespaces)
        // Compare against every key without stopping early, so timing says nothing of which matched.
        var match: String?
        for key in configuration.apiKeys where ConstantTime.equals(Array(key.utf8), Array(presented.utf8)) {
            match = key
        }
        return match
    }

    /// Route, syntax, idempotency and the endpoint's transaction.
    private func route(_ request: HTTPRequest, apiKey: String, latency: Int) async -> (SandboxReply, Bool) {
        var request = request
        let route: SandboxRoute
        switch router.match(request.method, rawPath: request.rawPath) {
        case .found(let found, let parameters):
            guard let known = routes[Self.key(found.method, found.pattern)] else {
                return (APIFailure.notFound("route").reply, false)
            }
            route = known
            request.pathParameters = parameters
        case .methodNotAllowed, .notFound:
            return (APIFailure(router: await router.handle(request)).reply, false)
        }
        let call = SandboxRequest(http: request, apiKey: apiKey)
        guard route.access == .write else {
            await Self.delay(latency)
            return (await run(route, call, write: false), false)
        }
        guard let key = request.headers["Idempotency-Key"] else {
            await Self.delay(latency)
            if let syntax = Self.syntaxFailure(call) { return (syntax.reply, false) }
            return (await run(route, call, write: true), false)
        }
        return await runIdempotent(route, call, key: key, latency: latency)
    }

    /// Injected latency: the request is already under way (an idempotency key is marked running).
    private static func delay(_ milliseconds: Int) async {
        if milliseconds > 0 { try? await Task.sleep(for: .milliseconds(milliseconds)) }
    }

    private static func syntaxFailure(_ call: SandboxRequest) -> APIFailure? {
        do { try call.checkBodySyntax() } catch { return error }
        return nil
    }

    /// Runs an endpoint in its own transaction; an `APIFailure` rolls the change back.
    private func run(_ route: SandboxRoute, _ call: SandboxRequest, write: Bool) async -> SandboxReply {
        let lag = write ? faults.commitLagMicroseconds() : 0
        do {
            let (reply, events) = try await store.write(now: .now(), lagMicroseconds: lag) { tx in
                (try route.endpoint(call, tx), tx.events)
            }
            if !events.isEmpty { onCommit(events) }
            return reply
        } catch let failure as APIFailure {
            return failure.reply
        } catch {
            return APIFailure.internalError.reply
        }
    }

    /// Runs a write under an Idempotency-Key: replay, 422 on reuse, 409 while running, and the
    /// answer stored in the change's own transaction.
    private func runIdempotent(_ route: SandboxRoute, _ call: SandboxRequest,
                               key: String, latency: Int) async -> (SandboxReply, Bool) {
        do {
            try IdempotencyGuard.validate(key)
        } catch {
            return (error.reply, false)
        }
        let owner = IdempotencyGuard.owner(of: call.apiKey)
        guard idempotency.begin(owner: owner, key: key) else {
            return (APIFailure(status: .conflict, code: "idempotency_in_progress",
                               message: "A request with this Idempotency-Key is still running").reply, false)
        }
        defer { idempotency.end(owner: owner, key: key) }
        await Self.delay(latency)
        let fingerprint = IdempotencyGuard.fingerprint(of: call.http)
        let lag = faults.commitLagMicroseconds()
        do {
            let (reply, replayed, events) = try await store.write(now: .now(), lagMicroseconds: lag) { tx in
                if let stored = try IdempotencyGuard.stored(owner: owner, key: key, in: tx.db) {
                    guard stored.fingerprint == fingerprint else {
                        let reused = APIFailure(status: .unprocessableEntity, code: "idempotency_key_reused",
                                                message: "This Idempotency-Key was used for a different request")
                        return (reused.reply, false, [PendingEvent]())
                    }
                    return (stored.reply, true, [])
                }
                var reply: SandboxReply
                do {
                    reply = try tx.db.savepoint { _ in
                        if let syntax = Self.syntaxFailure(call) { throw syntax }
                        return try route.endpoint(call, tx)
                    }
                } catch let failure as APIFailure {
                    reply = failure.reply
                    tx.discardEvents()
                }
                try IdempotencyGuard.store(owner: owner, key: key, fingerprint: fingerprint,
                                           reply: reply, at: tx.now, in: tx.db)
                return (reply, false, tx.events)
            }
            if !events.isEmpty { onCommit(events) }
            return (reply, replayed)
        } catch {
            return (APIFailure.internalError.reply, false)
        }
    }
}

extension APIFailure {
    /// Wraps the router's own 404/405 answer (already in the contract's shape) as a reply.
    init(router response: HTTPResponse) {
        self.init(status: response.status, code: response.status == .notFound ? "not_found" : "method_not_allowed",
                  message: response.status == .notFound ? "No such route" : "Method not allowed",
                  headers: response.headers.values(for: "Allow").map { ("Allow", $0) })
    }
}
