import FincoreModel
import Foundation

/// Model objects to and from the JSON text kept in `server_json`, `view_json` and outbox bodies.
///
/// The text is the contract's JSON, written by `FincoreJSON` (sorted keys), so what is stored is
/// exactly what the server sent or what will be sent.
enum JSONStore {
    static func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try FincoreJSON.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try FincoreJSON.decoder().decode(type, from: Data(text.utf8))
    }

    static func value(_ text: String) throws -> JSONValue {
        try decode(JSONValue.self, text)
    }
}
