import Console
import FincoreModel

/// Lists inside a report's result (the collections report's `due`, the portfolio's `currencies`)
/// shown readably in table mode, instead of one cell of raw JSON.
///
/// The contract leaves a report's result open, so this leans on habits, not names: nested objects
/// become dotted columns (`by_status.active.count`), an integer amount beside a `currency` code is
/// in minor units (printed as decimals), and a list too wide for a table is printed as records.
enum ReportTables {
    /// A list of the result, ready to print.
    struct List {
        let name: String
        let columns: [OutputColumn]
        let rows: [[String?]]

        /// Past this many columns a table no longer reads well: one record per item instead.
        static let widestTable = 12

        var isTable: Bool { columns.count <= Self.widestTable }
        var table: OutputTable { OutputTable(columns: columns, rows: rows) }
        var records: [[(String, String?)]] { rows.map { Array(zip(columns.map(\.name), $0)) } }
    }

    /// Columns that lead when present, in this order; the rest follow sorted.
    static let leading = ["id", "due_date", "date", "loan_id", "client_id", "client_name", "name", "phone", "currency",
                          "instalment", "number"]

    /// The result's members that are non-empty lists of objects.
    static func lists(in members: [String: JSONValue]) -> [List] {
        members.keys.sorted().compactMap { key in
            guard case .array(let items)? = members[key], !items.isEmpty,
                  items.allSatisfy({ if case .object = $0 { true } else { false } }) else { return nil }
            return list(key, items)
        }
    }

    static func list(_ name: String, _ items: [JSONValue]) -> List {
        let flat = items.map { flattened($0) }
        let currencies = items.map { $0["currency"]?.stringValue.flatMap { Currency(code: $0) } }
        let present = Set(flat.flatMap(\.keys))
        let names = leading.filter(present.contains) + present.subtracting(leading).sorted()
        let columns = names.map { name -> OutputColumn in
            if isAmount(name) { return OutputColumn(name, .money) }
            let integers = flat.allSatisfy { row in row[name].map { if case .integer = $0 { true } else { false } } ?? true }
            return OutputColumn(name, integers ? .number : .text)
        }
        let rows = zip(flat, currencies).map { row, currency in
            names.map { cell(row[$0], currency: isAmount($0) ? currency : nil) }
        }
        return List(name: name, columns: columns, rows: rows)
    }

    /// Whether an integer member by this name is an amount (in minor units of the item's currency).
    static func isAmount(_ name: String) -> Bool {
        let last = name.split(separator: ".").last.map(String.init) ?? name
        let words: Set<String> = ["amount", "paid", "remaining", "balance", "principal", "outstanding", "collected"]
        return words.contains(last) || words.contains { last.hasSuffix("_" + $0) } || last == "amount_due"
    }

    /// Nested objects as dotted keys; arrays stay whole.
    private static func flattened(_ value: JSONValue, prefix: String = "") -> [String: JSONValue] {
        guard case .object(let members) = value else { return [prefix: value] }
        var result: [String: JSONValue] = [:]
        for (key, child) in members {
            let path = prefix.isEmpty ? key : prefix + "." + key
            if case .object = child {
                result.merge(flattened(child, prefix: path)) { first, _ in first }
            } else {
                result[path] = child
            }
        }
        return result
    }

    /// A member as text: an integer amount in decimals when `currency` is given, a nested value as JSON.
    static func cell(_ value: JSONValue?, currency: Currency? = nil) -> String? {
        switch value {
        case .integer(let minor)? where currency != nil:
            return currency.map { Money(minorUnits: minor, currency: $0).plainString }
        case .string(let s)?: return s
        case .integer(let i)?: return String(i)
        case .number(let d)?: return String(d)
        case .bool(let b)?: return String(b)
        case nil, .null?: return nil
        case let other?: return (try? FincoreJSON.encode(other)).map { String(decoding: $0, as: UTF8.self) }
        }
    }
}
