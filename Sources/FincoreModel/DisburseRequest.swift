/// The body of `POST /v1/loans/{id}/disburse`: `{method}` (contract § Loans).
public struct DisburseRequest: RequestBody {
    public var method: PaymentMethod

    public init(method: PaymentMethod) { self.method = method }

    public func validate() -> ValidationErrors { ValidationErrors() }
}

extension DisburseRequest: Codable {
    enum CodingKeys: String, CodingKey { case method }

    public init(from decoder: any Decoder) throws {
        var r = try RequestReader(decoder)
        r.refuseReadOnly(NewLoan.readOnlyKeys)
        let method: PaymentMethod? = r.required("method")
        try r.finish()
        guard let method else { throw ValidationErrors([FieldError(field: "method", message: "is required")]) }
        self.method = method
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(method, forKey: .method)
    }
}
