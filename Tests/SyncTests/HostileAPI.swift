import FincoreModel
import Foundation
import HTTP

/// A scripted, hostile stand-in for the Fincore API on a loopback port, built on the project's
/// own `HTTPServer`: each test says how every request is answered, and the server records them.
///
/// Answers are whole JSON bodies (pages that repeat, lie about `total`, hold a bad object, a
/// `429` with a day's `Retry-After`); broken bytes on the wire are `APIClientTests`' business.
final class HostileAPI: @unchecked Sendable {
    // @unchecked: `seen` is only touched under `lock`; the server is an actor.
    typealias Script = @Sendable (_ index: Int, _ request: HTTPRequest) -> HTTPResponse

    private let server: HTTPServer
    private let lock = NSLock()
    private var seen: [HTTPRequest] = []
    let baseURL: URL

    private init(server: HTTPServer, baseURL: URL) {
        self.server = server
        self.baseURL = baseURL
    }

    /// Starts a server answering the `n`-th request (from 0) with `script(n, request)`.
    static func start(_ script: @escaping Script) async throws -> HostileAPI {
        let box = Box()
        let server = HTTPServer { request in
            guard let api = box.api else { return HTTPResponse(status: HTTPStatus(code: 503)) }
            return script(api.record(request), request)
        }
        let port = try await server.start()
        let api = HostileAPI(server: server, baseURL: URL(string: "http://127.0.0.1:\(port)/v1/") ?? URL(fileURLWithPath: "/"))
        box.api = api
        return api
    }

    func stop() async { await server.stop() }

    /// Every request so far, in arrival order.
    var requests: [HTTPRequest] { lock.withLock { seen } }

    /// The list requests of `resource` (`clients`, `loans`, …) so far.
    func listRequests(_ resource: String) -> [HTTPRequest] {
        requests.filter { $0.method == .get && $0.path == "/v1/" + resource }
    }

    private func record(_ request: HTTPRequest) -> Int {
        lock.withLock {
            seen.append(request)
            return seen.count - 1
        }
    }

    /// Lets the handler find the API once it exists (the server is made first).
    private final class Box: @unchecked Sendable {
        // @unchecked: written once before the first request can arrive.
        var api: HostileAPI?
    }

    // MARK: Answers

    /// A `200` JSON answer with the contract's rate-limit headers.
    static func json(_ body: String, status: Int = 200, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(status: HTTPStatus(code: status),
                     headers: HTTPHeaders([("Content-Type", "application/json"), ("X-RateLimit-Limit", "100"),
                                           ("X-RateLimit-Remaining", "99"), ("X-RateLimit-Reset", "60")] + headers),
                     body: Data(body.utf8))
    }

    /// A list page of already-encoded items.
    static func page(_ items: [String], total: Int, offset: Int = 0, limit: Int = 100) -> HTTPResponse {
        json(#"{"data":[\#(items.joined(separator: ","))],"meta":{"total":\#(total),"limit":\#(limit),"offset":\#(offset)}}"#)
    }

    /// A contract error answer.
    static func error(_ status: Int, _ code: String, headers: [(String, String)] = []) -> HTTPResponse {
        json(#"{"error":{"code":"\#(code)","message":"It failed","details":[],"current":null}}"#, status: status,
             headers: headers)
    }

    /// An empty page of everything else, and `404` for reports (the optional feature is absent).
    static func quiet(_ request: HTTPRequest) -> HTTPResponse {
        request.path.hasPrefix("/v1/reports") ? error(404, "not_found") : page([], total: 0)
    }

    // MARK: Objects

    static let t0 = Timestamp(microsecondsSinceEpoch: 1_795_511_702_000_000)

    /// A client `cl_hostile<n>` in branch `br_1`, updated at `t0 + updatedSecond` s.
    static func client(_ n: Int, updatedSecond: Int64 = 0, version: Int = 1, name: String = "Otieno") -> String {
        let id = String(format: "cl_hostile%04d", n)
        var client = Client(id: ClientID(id) ?? ClientID.generate(), createdAt: t0,
                            updatedAt: t0.adding(microseconds: updatedSecond * 1_000_000),
                            firstName: "Amina", lastName: name)
        client.version = version
        client.branchID = "br_1"
        client.officerID = "of_1"
        return (try? FincoreJSON.encode(client)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
