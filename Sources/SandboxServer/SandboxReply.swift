import Foundation
import HTTP

/// What an endpoint answers, before the pipeline adds rate-limit and replay headers.
struct SandboxReply: Sendable {
    var status: HTTPStatus
    /// JSON, or nil for 204.
    var body: Data?
    var headers: [(String, String)] = []
    /// A body too big to hold: chunks read from the store after the transaction ended, sent chunked.
    var stream: (@Sendable (SandboxStore) -> HTTPChunkProducer)?
    var contentType = "application/json"

    /// 200/201 with one object and its `ETag: "<version>"` (contract § Conventions).
    static func object(_ json: Data, version: Int, status: HTTPStatus = .ok) -> SandboxReply {
        SandboxReply(status: status, body: json, headers: [("ETag", "\"\(version)\"")])
    }

    static let noContent = SandboxReply(status: .noContent, body: nil)

    /// The HTTP response; `store` feeds a streamed body.
    func response(store: SandboxStore? = nil) -> HTTPResponse {
        var httpHeaders = HTTPHeaders()
        if body != nil || stream != nil { httpHeaders.set("Content-Type", contentType) }
        for (name, value) in headers { httpHeaders.add(name, value) }
        if let stream, let store {
            return HTTPResponse(status: status, headers: httpHeaders, stream: stream(store))
        }
        return HTTPResponse(status: status, headers: httpHeaders, body: body ?? Data())
    }
}
