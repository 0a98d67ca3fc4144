extension Router {
    /// One row of the route table: a method, a path pattern and the handler that answers it.
    public struct Route: Sendable {
        /// A piece of a pattern between slashes.
        enum Segment: Sendable, Equatable {
            case literal(String)
            case parameter(String)
        }

        public let method: HTTPMethod
        public let pattern: String
        public let handler: HTTPHandler
        let segments: [Segment]

        public init(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping HTTPHandler) {
            self.method = method
            self.pattern = pattern
            self.handler = handler
            self.segments = pattern.split(separator: "/").map { piece in
                piece.hasPrefix("{") && piece.hasSuffix("}") && piece.count > 2
                    ? .parameter(String(piece.dropFirst().dropLast()))
                    : .literal(String(piece))
            }
        }

        /// The parameters captured from decoded path segments, or nil when the pattern does not match.
        func match(_ path: [String]) -> [String: String]? {
            guard path.count == segments.count else { return nil }
            var parameters: [String: String] = [:]
            for (segment, value) in zip(segments, path) {
                switch segment {
                case .literal(let literal): if literal != value { return nil }
                case .parameter(let name): parameters[name] = value
                }
            }
            return parameters
        }
    }
}
