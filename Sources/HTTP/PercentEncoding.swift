import Foundation

/// Percent-decoding of paths and queries (RFC 3986 §2.1).
enum PercentEncoding {
    /// Decodes `%XX` escapes; nil for a truncated or non-hex escape or bytes that are not UTF-8.
    ///
    /// `+` stays `+`: RFC 3986 gives it no special meaning, and URLComponents (the agent's client)
    /// leaves a literal `+` unescaped in queries, so reading it as a space would corrupt values.
    static func decode(_ string: String) -> String? {
        guard string.utf8.contains(UInt8(ascii: "%")) else { return string }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(string.utf8.count)
        var iterator = string.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue)
            else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Splits a query on `&` and `=` and decodes each part; empty pieces (`a=1&&b=2`) are skipped.
    static func queryItems(_ query: String) throws(HTTPParseError) -> [URLQueryItem] {
        var items: [URLQueryItem] = []
        for piece in query.split(separator: "&") {
            let pair = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(String(pair[0])) else {
                throw .malformedRequestLine("bad percent-encoding in the query")
            }
            var value: String?
            if pair.count > 1 {
                guard let decoded = decode(String(pair[1])) else {
                    throw .malformedRequestLine("bad percent-encoding in the query")
                }
                value = decoded
            }
            items.append(URLQueryItem(name: name, value: value))
        }
        return items
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
