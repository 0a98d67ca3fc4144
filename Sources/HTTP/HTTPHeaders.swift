import Foundation

/// An ordered list of header fields with case-insensitive names; a name may occur more than once.
///
/// Field names are case-insensitive (RFC 9110 §5.1) and order matters for repeated fields
/// (RFC 9110 §5.3), so this keeps every field in arrival order and compares names lowercased.
public struct HTTPHeaders: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// One field: the name as it was written and its value with surrounding whitespace removed.
    public struct Field: Sendable, Equatable {
        public let name: String
        public let value: String
        /// The lowercased name, kept so that look-ups do not lowercase on every comparison.
        let key: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
            self.key = name.lowercased()
        }
    }

    public private(set) var fields: [Field] = []

    public init() {}

    public init(_ pairs: [(String, String)]) {
        fields = pairs.map { Field(name: $0.0, value: $0.1) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// The first value of the field `name`, or nil; setting replaces every field of that name.
    public subscript(name: String) -> String? {
        get {
            let key = name.lowercased()
            return fields.first { $0.key == key }?.value
        }
        set {
            if let newValue { set(name, newValue) } else { remove(name) }
        }
    }

    /// Every value of the field `name`, in arrival order.
    public func values(for name: String) -> [String] {
        let key = name.lowercased()
        return fields.filter { $0.key == key }.map(\.value)
    }

    public func contains(_ name: String) -> Bool {
        let key = name.lowercased()
        return fields.contains { $0.key == key }
    }

    /// Appends a field, keeping any earlier fields of the same name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Replaces every field named `name` with a single one.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        fields.append(Field(name: name, value: value))
    }

    public mutating func remove(_ name: String) {
        let key = name.lowercased()
        fields.removeAll { $0.key == key }
    }

    /// Whether any comma-separated element of the field `name` equals `token`, ignoring case
    /// (for list fields such as `Connection` and `Transfer-Encoding`, RFC 9110 §5.6.1).
    public func containsToken(_ token: String, in name: String) -> Bool {
        let wanted = token.lowercased()
        return values(for: name).contains { value in
            value.split(separator: ",").contains {
                $0.trimmingCharacters(in: .whitespaces).lowercased() == wanted
            }
        }
    }

    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }
}
