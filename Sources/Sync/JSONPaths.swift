import FincoreModel

/// Dotted leaf paths of JSON objects (`kyc.id_number`), for comparing what each side changed.
enum JSONPaths {
    /// Fields every synced object carries that say nothing about what a user changed.
    static let bookkeeping: Set<String> = ["version", "updated_at", "created_at", "object", "id"]

    /// Every leaf of an object as `path → value`; arrays and scalars are leaves.
    static func leaves(of value: JSONValue?, prefix: String = "") -> [String: JSONValue] {
        guard case .object(let members)? = value else {
            return prefix.isEmpty ? [:] : [prefix: value ?? .null]
        }
        var result: [String: JSONValue] = [:]
        for (key, member) in members {
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            if case .object = member {
                result.merge(leaves(of: member, prefix: path)) { _, new in new }
            } else {
                result[path] = member
            }
        }
        return result
    }

    /// Paths whose values differ between two versions of an object, bookkeeping left out.
    static func changed(from base: JSONValue?, to theirs: JSONValue?) -> Set<String> {
        let old = leaves(of: base), new = leaves(of: theirs)
        return Set(old.keys).union(new.keys)
            .filter { !bookkeeping.contains($0) && (old[$0] ?? .null) != (new[$0] ?? .null) }
    }
}
