import Foundation
import HTTP

/// What an endpoint answers, before the pipeline adds rate-limit and replay headers.
struct SandboxReply: Sendable {
    var status: HTTPStatus
    /// JSON, or nil for 204.
    var body: Data?
    var headers: [(String, String)] = []

    /// 200/201 with one object and its `ETag: "<version>"` (contract § Conventions).
    static func object(_ json: Data, version: Int, status: HTTPStatus = .ok) -> SandboxReply {
        SandboxReply(status: status, body: json, headers: [("ETag", "\"\(version)\"")])
    }

    static let noContent = SandboxReply(status: .noContent, body: nil)

    var response: HTTPResponse {
        var httpHeaders = HTTPHeaders()
        if body != nil { httpHeaders.set("Content-Type", "application/json") }
        for (name, value) in headers { httpHeaders.add(name, value) }
        return HTTPResponse(status: status, headers: httpHeaders, body: body ?? Data())
    }
}
