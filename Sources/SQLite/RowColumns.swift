/// The column names of a result set, shared by every row a cursor produces.
///
/// Built once per cursor so that looking a column up by name is a dictionary hit rather than
/// a scan, without every row carrying its own copy of the names.
final class RowColumns: Sendable {
    let names: [String]
    private let indexByName: [String: Int]
    private let indexByFoldedName: [String: Int]

    init(names: [String]) {
        self.names = names
        var exact: [String: Int] = [:]
        var folded: [String: Int] = [:]
        // The leftmost column wins when names repeat (`SELECT a.id, b.id`), as in SQLite's
        // own name resolution; reversed iteration lets earlier indices overwrite later ones.
        for (index, name) in names.enumerated().reversed() {
            exact[name] = index
            folded[name.lowercased()] = index
        }
        indexByName = exact
        indexByFoldedName = folded
    }

    /// The index of a column; SQLite identifiers are case-insensitive, so a case-insensitive
    /// match is tried after an exact one.
    func index(of name: String) -> Int? {
        indexByName[name] ?? indexByFoldedName[name.lowercased()]
    }
}
