/// Why a line source could not give the next line, and where.
public enum LineSourceError: Error, Equatable, Sendable {
    /// The script file could not be opened.
    case cannotOpen(path: String, reason: String)
    /// Reading failed part way (an I/O error, not end of input).
    case readFailed(name: String, reason: String)
    /// A line longer than the limit: almost certainly not a script (a binary or a minified blob).
    case lineTooLong(SourceLocation, limit: Int)
    /// A line whose bytes are not UTF-8.
    case invalidUTF8(SourceLocation)

    /// Where the problem is, when it is on a line.
    public var location: SourceLocation? {
        switch self {
        case .lineTooLong(let location, _), .invalidUTF8(let location): return location
        case .cannotOpen, .readFailed: return nil
        }
    }

    /// The text printed after `error: ` (the location goes in front, from `location`).
    public var message: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open '\(path)': \(reason)"
        case .readFailed(let name, let reason): return "cannot read \(name): \(reason)"
        case .lineTooLong(_, let limit): return "line longer than \(limit) bytes"
        case .invalidUTF8: return "line is not valid UTF-8"
        }
    }

    /// A script that cannot be read as text is a usage problem (2); an I/O failure is 70.
    public var status: ExitStatus {
        switch self {
        case .readFailed: return .failure
        case .cannotOpen, .lineTooLong, .invalidUTF8: return .usage
        }
    }
}
