/// A route table: method and path pattern to handler (STYLE habit 7), itself usable as a handler.
///
/// Patterns are literal segments and `{name}` parameters, e.g. `/v1/clients/{id}/kyc/verify`. The
/// first route in table order whose pattern and method match wins, so list a literal segment before
/// a parameter at the same place. A path no pattern matches is 404 `not_found`; a path some pattern
/// matches with none for the method is 405 `method_not_allowed` with `Allow` (RFC 9110 §15.5.6).
/// HEAD is served by the GET route when there is no HEAD route (the server drops the body).
public struct Router: Sendable {
    public private(set) var routes: [Route]

    public init(_ routes: [Route] = []) {
        self.routes = routes
    }

    /// Appends a route.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping HTTPHandler) {
        routes.append(Route(method, pattern, handler))
    }

    /// The outcome of looking a request up in the table.
    public enum Match: Sendable {
        case found(Route, parameters: [String: String])
        case methodNotAllowed(allowed: [HTTPMethod])
        case notFound
    }

    /// Looks up `method` and a raw (not yet percent-decoded) path.
    public func match(_ method: HTTPMethod, rawPath: String) -> Match {
        let segments = rawPath.split(separator: "/").map { PercentEncoding.decode(String($0)) ?? String($0) }
        var allowed: [HTTPMethod] = []
        var getRoute: (Route, [String: String])?
        for route in routes {
            guard let parameters = route.match(segments) else { continue }
            if route.method == method { return .found(route, parameters: parameters) }
            if route.method == .get, getRoute == nil { getRoute = (route, parameters) }
            if !allowed.contains(route.method) { allowed.append(route.method) }
        }
        if method == .head, let (route, parameters) = getRoute {
            return .found(route, parameters: parameters)
        }
        if allowed.isEmpty { return .notFound }
        if allowed.contains(.get), !allowed.contains(.head) { allowed.append(.head) }
        return .methodNotAllowed(allowed: allowed)
    }

    /// Dispatches `request` to its route with `pathParameters` filled in, or answers 404 / 405.
    @Sendable
    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        switch match(request.method, rawPath: request.rawPath) {
        case .found(let route, let parameters):
            var request = request
            request.pathParameters = parameters
            return await route.handler(request)
        case .methodNotAllowed(let allowed):
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            return .error(
                status: .methodNotAllowed, code: "method_not_allowed",
                message: "Method \(request.method) is not allowed on \(request.path); allowed: \(allow)",
                headers: ["Allow": allow])
        case .notFound:
            return .error(status: .notFound, code: "not_found", message: "No route for \(request.path)")
        }
    }
}
