import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import FincoreModel

extension APIClient {
    /// The URL of `request`: the base URL, the path, the query, each part percent-encoded.
    func url(for request: APIRequest) -> URL? {
        let path = request.path.split(separator: "/", omittingEmptySubsequences: true)
            .map { String($0).addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? "" }
            .joined(separator: "/")
        var text = baseURL.absoluteString + path
        if !request.query.isEmpty {
            text += "?" + request.query.map { parameter in
                let name = parameter.name.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? ""
                let value = parameter.value.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? ""
                return name + "=" + value
            }.joined(separator: "&")
        }
        return URL(string: text)
    }

    /// RFC 3986 unreserved characters: everything else is encoded, so a `+` in a value is
    /// never read as a space and a `/` in an id never splits a path segment.
    static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// The `URLRequest` of one attempt, with every header the contract asks for.
    func makeURLRequest(_ request: APIRequest, key idempotencyKey: IdempotencyKey?, timeout: Duration)
        -> Result<URLRequest, APIError> {
        guard let url = url(for: request) else {
            return .failure(.invalidRequest("\(request.line): not a valid URL"))
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method.rawValue
        // Whole seconds, at least one: Linux's FoundationNetworking truncates the interval to
        // whole seconds for its idle timer, so 0.5 s would time out at once.
        urlRequest.timeoutInterval = max(1, Self.seconds(timeout).rounded(.up))
        urlRequest.setValue(key.authorizationValue, forHTTPHeaderField: "Authorization")
        urlRequest.setValue("application/json", forHTTPHeaderField: "Accept")
        urlRequest.setValue(configuration.userAgent, forHTTPHeaderField: "User-Agent")
        if let body = request.body {
            urlRequest.httpBody = body
            urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let idempotencyKey { urlRequest.setValue(idempotencyKey.rawValue, forHTTPHeaderField: "Idempotency-Key") }
        if let version = request.ifMatch { urlRequest.setValue("\"\(version)\"", forHTTPHeaderField: "If-Match") }
        return .success(urlRequest)
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// Decodes a 2xx body as `T`, or says how it is not in the contract's shape.
    static func decodeBody<T: Decodable>(_ type: T.Type, head: HTTPResponseHead, data: Data)
        -> Result<T, MalformedResponse.Problem> {
        if data.isEmpty { return .failure(.empty) }
        do {
            let value = try FincoreJSON.decoder().decode(T.self, from: data)
            if let checked = value as? any ServerChecked, let problem = checked.implausibleField() {
                return .failure(.unexpectedShape(field: problem.field, message: problem.message))
            }
            return .success(value)
        } catch let error as DecodingError {
            return .failure(problem(error, head: head, data: data))
        } catch {
            return .failure(.invalidJSON)
        }
    }

    /// The `APIError` of a non-2xx answer: the contract's error body, or a malformed answer.
    static func failure(head: HTTPResponseHead, data: Data, request: String) -> APIError {
        switch decodeBody(APIErrorResponse.self, head: head, data: data) {
        case .success(let response):
            return .http(HTTPFailure(
                status: head.status, body: response.error, retryAfterSeconds: head.retryAfterSeconds,
                rateLimit: head.rateLimit, replayed: head.replayed, request: request))
        case .failure(let problem):
            return .malformed(MalformedResponse(
                status: head.status, problem: problem, byteCount: data.count,
                retryAfterSeconds: head.retryAfterSeconds, rateLimit: head.rateLimit, request: request))
        }
    }

    /// Tells a body that is not JSON (an HTML page) from JSON cut short and JSON of the wrong shape.
    static func problem(_ error: DecodingError, head: HTTPResponseHead, data: Data) -> MalformedResponse.Problem {
        // A syntax error is `dataCorrupted` at the top (Linux's Foundation gives no underlying
        // error); the contract's bodies are objects, so nothing else fails at the empty path.
        if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
            let contentType = head.header("Content-Type")
            let firstByte = data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
            let looksJSON = firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[")
            if !looksJSON || !(contentType?.lowercased().contains("json") ?? true) {
                return .notJSON(contentType: contentType)
            }
            return .invalidJSON
        }
        let field = FincoreJSON.fieldError(from: error)
        return .unexpectedShape(field: field.field, message: field.message)
    }
}
