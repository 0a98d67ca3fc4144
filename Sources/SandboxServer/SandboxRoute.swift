import HTTP

/// One row of the API's route table: method, path pattern, and the endpoint that answers it inside
/// a store transaction (STYLE habit 7: routes are a table).
struct SandboxRoute: Sendable {
    /// A read runs in a read transaction; a write in a write transaction with idempotency.
    enum Access: Sendable {
        case read
        case write
    }

    typealias Endpoint = @Sendable (SandboxRequest, StoreTransaction) throws -> SandboxReply

    let method: HTTPMethod
    let pattern: String
    let access: Access
    /// True for the contract's optional parts (reports), which `--no-optional` removes.
    let optional: Bool
    let endpoint: Endpoint

    init(_ method: HTTPMethod, _ pattern: String, _ access: Access, optional: Bool = false,
         _ endpoint: @escaping Endpoint) {
        self.method = method
        self.pattern = pattern
        self.access = access
        self.optional = optional
        self.endpoint = endpoint
    }
}
