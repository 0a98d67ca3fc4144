/// An `error.code` of the contract's error table, with its HTTP status (contract § Errors fixed here).
///
/// Codes outside the table decode as `.unknown(code)` rather than failing: "a client must treat
/// an unknown code of a known status class as that class", which it can only do if it can read it.
public enum ErrorCode: Hashable, Sendable {
    case invalidRequest
    case unauthorized
    case notFound
    case methodNotAllowed
    case invalidState
    case externalIDTaken
    case idempotencyInProgress
    case versionConflict
    case payloadTooLarge
    case idempotencyKeyReused
    case amountExceedsBalance
    case rateLimited
    case internalError
    case unavailable
    case unknown(String)

    /// The contract's table: code, JSON string, status (STYLE habit 7: vocabularies are tables).
    public static let table: [(code: ErrorCode, rawValue: String, status: Int)] = [
        (.invalidRequest, "invalid_request", 400),
        (.unauthorized, "unauthorized", 401),
        (.notFound, "not_found", 404),
        (.methodNotAllowed, "method_not_allowed", 405),
        (.invalidState, "invalid_state", 409),
        (.externalIDTaken, "external_id_taken", 409),
        (.idempotencyInProgress, "idempotency_in_progress", 409),
        (.versionConflict, "version_conflict", 412),
        (.payloadTooLarge, "payload_too_large", 413),
        (.idempotencyKeyReused, "idempotency_key_reused", 422),
        (.amountExceedsBalance, "amount_exceeds_balance", 422),
        (.rateLimited, "rate_limited", 429),
        (.internalError, "internal_error", 500),
        (.unavailable, "unavailable", 503),
    ]

    /// The code for a JSON string; strings outside the table become `.unknown`.
    public init(rawValue: String) {
        self = ErrorCode.table.first { $0.rawValue == rawValue }?.code ?? .unknown(rawValue)
    }

    /// The JSON string.
    public var rawValue: String {
        if case .unknown(let raw) = self { return raw }
        return ErrorCode.table.first { $0.code == self }?.rawValue ?? ""
    }

    /// The HTTP status the contract pairs with this code; nil for an unknown code.
    public var httpStatus: Int? {
        if case .unknown = self { return nil }
        return ErrorCode.table.first { $0.code == self }?.status
    }
}

extension ErrorCode: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
