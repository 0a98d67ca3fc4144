import Console
import FincoreModel
import Foundation

/// Turns a command's `key=value` fields into a request body of the model, through JSON.
///
/// Going through the model's own decoder means the REPL accepts exactly what the API accepts,
/// with the same field paths in errors (`kyc.id_number`), and cannot drift from it: field names
/// are the API's. Money is typed in the currency's decimals (`4500.50`) and becomes minor units.
enum RequestBuilder {
    /// The JSON object for `fields`: dotted keys nest, money becomes minor units, integers
    /// numbers, an empty value `null` (to clear an optional field), anything else a string.
    static func object(_ fields: [CommandArguments.Field], spec: CommandSpec, currency: Currency?,
                       skipping skipped: Set<String> = []) throws -> JSONValue {
        var root: [String: JSONValue] = [:]
        for field in fields where !skipped.contains(field.key) {
            let value = try jsonValue(field, kind: spec.field(field.key)?.kind ?? .text, currency: currency)
            insert(value, at: field.key.split(separator: ".").map(String.init), into: &root)
        }
        return .object(root)
    }

    private static func jsonValue(_ field: CommandArguments.Field, kind: FieldKind, currency: Currency?) throws -> JSONValue {
        if field.value.isEmpty { return .null }
        switch kind {
        case .money:
            guard let currency else {
                throw FieldError(field: field.key, message: "needs a currency to be read")
            }
            return .integer(try Money.parse(field.value, currency: currency, field: field.key).minorUnits)
        case .integer:
            guard let number = Int64(field.value) else {
                throw FieldError(field: field.key, message: "expected a whole number")
            }
            return .integer(number)
        case .boolean:
            return .bool(field.value == "true")
        default:
            return .string(field.value)
        }
    }

    private static func insert(_ value: JSONValue, at path: [String], into object: inout [String: JSONValue]) {
        guard let head = path.first else { return }
        if path.count == 1 {
            object[head] = value
            return
        }
        var child: [String: JSONValue] = [:]
        if case .object(let existing)? = object[head] { child = existing }
        insert(value, at: Array(path.dropFirst()), into: &child)
        object[head] = .object(child)
    }

    /// Decodes and validates in one step: what the replica would refuse is refused here with
    /// all its fields, before anything is written.
    static func body<T: RequestBody>(_ type: T.Type, _ fields: [CommandArguments.Field], spec: CommandSpec,
                                     currency: Currency?, extra: [String: JSONValue] = [:],
                                     skipping: Set<String> = []) throws -> T {
        var json = try object(fields, spec: spec, currency: currency, skipping: skipping)
        if case .object(var members) = json {
            for (key, value) in extra { members[key] = value }
            json = .object(members)
        }
        return try FincoreJSON.decodeRequest(type, from: try FincoreJSON.encode(json))
    }
}
