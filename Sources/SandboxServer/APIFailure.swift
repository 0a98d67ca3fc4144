import FincoreModel
import Foundation
import HTTP

/// A refusal in the contract's shape (§ Errors fixed here): status, code, message, field details,
/// and for 409/412 the current object in `error.current`.
struct APIFailure: Error, Sendable {
    var status: HTTPStatus
    var code: String
    var message: String
    var details: [FieldError] = []
    /// The current object's JSON, for `version_conflict` and `external_id_taken`.
    var current: Data?
    var headers: [(String, String)] = []

    static func notFound(_ what: String) -> APIFailure {
        APIFailure(status: .notFound, code: "not_found", message: "No such \(what)")
    }

    static func invalidState(_ message: String) -> APIFailure {
        APIFailure(status: .conflict, code: "invalid_state", message: message)
    }

    static func invalidRequest(_ message: String, field: String? = nil) -> APIFailure {
        APIFailure(status: .badRequest, code: "invalid_request", message: message,
                   details: field.map { [FieldError(field: $0, message: message)] } ?? [])
    }

    static func invalidRequest(_ errors: ValidationErrors) -> APIFailure {
        let fields = errors.errors.filter { !$0.field.isEmpty }
        let message = fields.isEmpty
            ? (errors.errors.first?.message ?? "The request was invalid")
            : "The request was invalid"
        return APIFailure(status: .badRequest, code: "invalid_request", message: message, details: fields)
    }

    static func versionConflict(current: Data) -> APIFailure {
        APIFailure(status: .preconditionFailed, code: "version_conflict",
                   message: "If-Match does not match the current version", current: current)
    }

    static func externalIDTaken(current: Data) -> APIFailure {
        APIFailure(status: .conflict, code: "external_id_taken",
                   message: "An object with this external_id already exists", current: current)
    }

    static func amountExceedsBalance(_ message: String) -> APIFailure {
        APIFailure(status: .unprocessableEntity, code: "amount_exceeds_balance", message: message,
                   details: [FieldError(field: "amount", message: message)])
    }

    static let internalError = APIFailure(
        status: .internalServerError, code: "internal_error", message: "The server failed")

    /// The error body: `{"error":{"code","message","details"?,"current"?}}`.
    var body: Data {
        var error: [String: Any] = ["code": code, "message": message]
        if !details.isEmpty {
            error["details"] = details.map { ["field": $0.field, "message": $0.message] }
        }
        let base = (try? JSONSerialization.data(withJSONObject: ["error": error], options: [.sortedKeys]))
            ?? Data(#"{"error":{"code":"internal_error","message":"The server failed"}}"#.utf8)
        guard let current else { return base }
        // Splice the stored object in as it is, so `current` is byte for byte what GET answers.
        var spliced = Data(base.dropLast(2))
        spliced.append(Data(#","current":"#.utf8))
        spliced.append(current)
        spliced.append(Data("}}".utf8))
        return spliced
    }

    var reply: SandboxReply {
        SandboxReply(status: status, body: body, headers: headers)
    }
}

extension APIFailure {
    /// A domain refusal from the model, answered with the contract's code for it.
    init(_ error: ModelError) {
        switch error.code {
        case .invalidState:
            self = .invalidState(error.message)
        case .amountExceedsBalance:
            self = .amountExceedsBalance(error.message)
        case .overflow, .currencyMismatch, .invalidArgument:
            self = APIFailure(status: .badRequest, code: "invalid_request", message: error.message,
                              details: error.fieldError.map { [$0] } ?? [])
        }
    }
}
