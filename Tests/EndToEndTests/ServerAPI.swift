import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// Direct calls to the sandbox's API with the demo key: changes "someone else" makes on the server,
/// and the server's state to compare a replica with.
struct ServerAPI {
    let base: String

    /// One call; the status and the decoded JSON object (empty for 204).
    @discardableResult
    func call(_ method: String, _ path: String, json: [String: Any]? = nil) async throws -> (status: Int, body: [String: Any]) {
        let url = try XCTUnwrap(URL(string: base + path))
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("Bearer sk_test_fincore_demo", forHTTPHeaderField: "Authorization")
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let body = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return (status, body)
    }

    /// Every object of a list endpoint as `id → version`, paging 100 at a time.
    func versions(_ resource: String) async throws -> [String: Int] {
        var result: [String: Int] = [:]
        var offset = 0
        while true {
            let page = try await call("GET", "\(resource)?limit=100&offset=\(offset)").body
            let data = page["data"] as? [[String: Any]] ?? []
            for object in data {
                if let id = object["id"] as? String, let version = object["version"] as? Int { result[id] = version }
            }
            offset += data.count
            if data.isEmpty || offset >= ((page["meta"] as? [String: Any])?["total"] as? Int ?? 0) { return result }
        }
    }
}

/// POSTs a body to a receiver with an optional `Fincore-Signature`; the status and the body's text.
func deliver(_ body: Data, to url: String, signature: String?) async throws -> (status: Int, text: String) {
    var request = URLRequest(url: try XCTUnwrap(URL(string: url)))
    request.httpMethod = "POST"
    request.httpBody = body
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    if let signature { request.setValue(signature, forHTTPHeaderField: "Fincore-Signature") }
    let (data, response) = try await URLSession.shared.data(for: request)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
}
