import FincoreModel

/// A pull stopped because the server kept answering full pages that held nothing new.
///
/// A server that repeats the same page (ignoring `offset` or `updated_since`) would otherwise
/// keep the pager stepping through offsets forever, each step a request against the rate limit.
public struct PullStalled: Error, Sendable, Hashable, CustomStringConvertible {
    /// The resource's cursor name (`clients`, `loans`, …).
    public var resource: String
    /// Where the pager stood when it gave up.
    public var updatedSince: Timestamp?
    public var offset: Int
    /// Full pages in a row without one new object.
    public var repeatedPages: Int

    public var description: String {
        let since = updatedSince.map { "updated_since \($0)" } ?? "the start"
        return "pull of \(resource) stopped: the server answered \(repeatedPages) full pages in a row "
            + "with nothing new (at \(since), offset \(offset)); it is repeating itself"
    }
}
