/// An error from outside Console (API, replica, sync) that knows how it should be reported.
///
/// The executable conforms its error types so `ErrorRenderer` can print them with the right
/// text, hint and exit status without Console knowing HTTP or SQLite (the layout table).
public protocol CommandFailureConvertible: Error {
    var commandFailure: CommandFailure { get }
}
