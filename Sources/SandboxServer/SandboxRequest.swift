import FincoreModel
import Foundation
import HTTP

/// One authenticated API request as an endpoint sees it: path parameters, If-Match, the body.
struct SandboxRequest: Sendable {
    let http: HTTPRequest
    /// The caller's API key (used only to scope idempotency; never logged or stored as is).
    let apiKey: String

    /// A path parameter (`{id}`); the router always fills the ones its pattern names.
    func parameter(_ name: String = "id") -> String {
        http.pathParameters[name] ?? ""
    }

    /// Refuses a stale `If-Match: "<version>"` with 412 and the current object (contract §
    /// Conventions). No header: no check.
    func checkIfMatch(version: Int, current: Data) throws(APIFailure) {
        guard let header = http.headers["If-Match"] else { return }
        var text = header.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("W/") { text.removeFirst(2) }
        if text == "*" { return }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard let expected = Int(text) else {
            throw .invalidRequest("If-Match must be a quoted version such as \"3\"", field: "If-Match")
        }
        if expected != version { throw .versionConflict(current: current) }
    }

    /// The body decoded and validated as `T`: the contract's field stage (400 with every field).
    func decode<T: RequestBody>(_ type: T.Type) throws(APIFailure) -> T {
        let data = http.body.isEmpty ? Data("{}".utf8) : http.body
        do {
            return try FincoreJSON.decodeRequest(type, from: data)
        } catch {
            throw .invalidRequest(error)
        }
    }

    /// A top-level string of the body (for `external_id` before the field stage).
    func bodyString(_ key: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: http.body) as? [String: Any] else {
            return nil
        }
        return object[key] as? String
    }

    /// The syntax stage (contract order of checks): a body, when sent, must be a JSON object.
    func checkBodySyntax() throws(APIFailure) {
        guard !http.body.isEmpty else { return }
        guard String(data: http.body, encoding: .utf8) != nil else {
            throw .invalidRequest("The body is not valid UTF-8")
        }
        guard (try? JSONSerialization.jsonObject(with: http.body)) is [String: Any] else {
            throw .invalidRequest("The body is not a JSON object")
        }
    }
}
