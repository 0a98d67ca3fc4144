#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Database {
    /// Creates the database file with mode 0600 if it does not exist yet.
    ///
    /// SQLite would create it with 0644 minus the umask; the file will hold personal data, so
    /// it is created here first. `fchmod` sets the mode regardless of the umask. SQLite then
    /// gives the -wal and -shm files the database file's mode
    /// (<https://www.sqlite.org/tempfiles.html>, `robust_open` in os_unix.c).
    static func createPrivateFileIfMissing(path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o600))
        if descriptor < 0 {
            let error = errno
            // Already there: an existing database keeps whatever mode its owner chose.
            if error == EEXIST { return }
            let reason = strerror(error).map { String(cString: $0) } ?? "errno \(error)"
            throw SQLiteError(extendedResultCode: .cantOpen, message: "cannot create database file: \(reason)")
        }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else {
            let error = errno
            let reason = strerror(error).map { String(cString: $0) } ?? "errno \(error)"
            throw SQLiteError(extendedResultCode: .cantOpen, message: "cannot set database file mode: \(reason)")
        }
    }
}
