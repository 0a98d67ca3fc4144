extension Database {
    /// How a connection is set up when it opens; every setting is applied once, at open.
    ///
    /// WAL journaling and `foreign_keys=ON` are not options: the replica relies on readers
    /// not blocking the writer, and on the schema's foreign keys being enforced.
    public struct Configuration: Sendable {
        /// `PRAGMA synchronous` (<https://www.sqlite.org/pragma.html#pragma_synchronous>).
        public enum Synchronous: String, Sendable {
            /// Every commit is durable across power loss. Use where a committed outbox entry
            /// must not disappear.
            case full = "FULL"
            /// In WAL mode, commits are atomic and consistent but the last ones may roll back
            /// after power loss. Fine for data the server can send again.
            case normal = "NORMAL"
        }

        /// Durability of commits; `.full` unless a store opts into `.normal`.
        public var synchronous: Synchronous
        /// How long to wait on a lock held by another connection before failing with
        /// `SQLITE_BUSY` (`sqlite3_busy_timeout`).
        public var busyTimeout: Duration
        /// `PRAGMA secure_delete`: when on, deleted content is overwritten with zeros, for
        /// databases holding personal data (<https://www.sqlite.org/pragma.html#pragma_secure_delete>).
        /// Applied explicitly either way, since the compiled-in default differs between builds.
        public var secureDelete: Bool
        /// Open read-only (`SQLITE_OPEN_READONLY`), for a reader connection beside the writer.
        /// The file must already exist.
        public var readOnly: Bool

        public init(
            synchronous: Synchronous = .full,
            busyTimeout: Duration = .seconds(5),
            secureDelete: Bool = false,
            readOnly: Bool = false
        ) {
            self.synchronous = synchronous
            self.busyTimeout = busyTimeout
            self.secureDelete = secureDelete
            self.readOnly = readOnly
        }

        /// The busy timeout in whole milliseconds, clamped to what `sqlite3_busy_timeout` takes.
        var busyTimeoutMilliseconds: Int32 {
            let (seconds, attoseconds) = busyTimeout.components
            let milliseconds = seconds.multipliedReportingOverflow(by: 1000)
            guard !milliseconds.overflow else { return Int32.max }
            let total = milliseconds.partialValue.addingReportingOverflow(attoseconds / 1_000_000_000_000_000)
            guard !total.overflow else { return Int32.max }
            return Int32(clamping: max(0, total.partialValue))
        }
    }
}
