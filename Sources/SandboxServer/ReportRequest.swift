import FincoreModel
import Foundation

/// A checked `POST /v1/reports` body: the model's `NewReport`, plus the due-date window a
/// `collections` report takes in `params.from` / `params.to` (dates; both default to the day the
/// report is made, UTC).
struct ReportRequest: Sendable {
    let type: ReportType
    let params: ReportParams
    let from: CivilDate?
    let to: CivilDate?

    /// The body's fields, or 400 naming each bad one (`params.resource`, `params.from`, …).
    static func parse(_ request: SandboxRequest) throws(APIFailure) -> ReportRequest {
        let body = try request.decode(NewReport.self)
        let raw = (try? JSONSerialization.jsonObject(with: request.http.body)) as? [String: Any]
        let params = raw?["params"] as? [String: Any] ?? [:]
        var errors = ValidationErrors()
        var dates: [String: CivilDate] = [:]
        for key in ["from", "to"] {
            guard let value = params[key], !(value is NSNull) else { continue }
            let field = "params.\(key)"
            guard body.type == .collections else {
                errors.append(FieldError(field: field, message: "is only for collections reports"))
                continue
            }
            guard let text = value as? String, let date = CivilDate(text) else {
                errors.append(FieldError(field: field, message: "must be a valid date as YYYY-MM-DD"))
                continue
            }
            dates[key] = date
        }
        if let from = dates["from"], let to = dates["to"], to < from {
            errors.append(FieldError(field: "params.to", message: "must not be before params.from"))
        }
        if !errors.errors.isEmpty { throw .invalidRequest(errors) }
        return ReportRequest(type: body.type, params: body.params, from: dates["from"], to: dates["to"])
    }

    /// `params` as stored and answered: the model's keys, and `from`/`to` for collections.
    func paramsJSON() throws -> JSONValue {
        guard case .object(var members) = try JSONValue(encoding: params) else { return .object([:]) }
        if type == .collections {
            members["from"] = from.map { .string($0.description) } ?? .null
            members["to"] = to.map { .string($0.description) } ?? .null
        }
        return .object(members)
    }
}
