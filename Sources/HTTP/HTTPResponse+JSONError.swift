import Foundation

extension HTTPResponse {
    /// One entry of `error.details`: the JSON path of a field and what is wrong with it.
    public struct ErrorDetail: Sendable, Equatable {
        public let field: String
        public let message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    /// A response with the contract's error body (fincore-api.md, "Errors"):
    /// `{"error":{"code":"…","message":"…","details":[{"field":"…","message":"…"}]}}`,
    /// `details` only when there are some.
    public static func error(
        status: HTTPStatus, code: String, message: String, details: [ErrorDetail] = [],
        headers: HTTPHeaders = [:]
    ) -> HTTPResponse {
        var headers = headers
        headers.set("Content-Type", "application/json")
        return HTTPResponse(
            status: status, headers: headers,
            body: errorBody(code: code, message: message, details: details))
    }

    /// The bytes of the contract's error body, keys in a fixed order so tests can compare exactly.
    public static func errorBody(code: String, message: String, details: [ErrorDetail] = []) -> Data {
        var json = #"{"error":{"code":"# + jsonString(code) + #","message":"# + jsonString(message)
        if !details.isEmpty {
            let items = details.map {
                #"{"field":"# + jsonString($0.field) + #","message":"# + jsonString($0.message) + "}"
            }
            json += #","details":["# + items.joined(separator: ",") + "]"
        }
        json += "}}"
        return Data(json.utf8)
    }

    /// A JSON string literal for `text`, escaping what RFC 8259 §7 requires.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
