import Foundation

/// Reads script lines from a file, stdin or a string, counting lines for error messages.
///
/// Bytes are split at `\n` before decoding, so an invalid UTF-8 line is reported with its own
/// number instead of spoiling the file. A trailing `\r` is dropped (CRLF scripts from Windows
/// editors), a missing final newline still ends the last line, and a UTF-8 byte-order mark on
/// the first line is ignored. A line longer than `maximumLineLength` bytes is refused without
/// buffering the rest of it: a script is text typed by people, not a megabyte blob.
public final class StreamSource: LineSource {
    /// 1 MiB: far above any command, small enough that a binary file fails fast.
    public static let defaultMaximumLineLength = 1 << 20

    public let name: String
    public let isInteractive = false
    public let maximumLineLength: Int

    private let handle: FileHandle?
    private var buffer: [UInt8]
    private var start = 0
    private var atEnd: Bool
    private var failed = false
    private var lineNumber = 0

    /// Reads from an open handle (stdin, a pipe), named for messages (`<stdin>`).
    public init(handle: FileHandle, name: String, maximumLineLength: Int = StreamSource.defaultMaximumLineLength) {
        self.handle = handle
        self.name = name
        self.maximumLineLength = maximumLineLength
        self.buffer = []
        self.atEnd = false
    }

    /// Reads lines already in memory: the text of `-c`, or test input.
    public init(bytes: [UInt8], name: String, maximumLineLength: Int = StreamSource.defaultMaximumLineLength) {
        self.handle = nil
        self.name = name
        self.maximumLineLength = maximumLineLength
        self.buffer = bytes
        self.atEnd = true
    }

    public convenience init(text: String, name: String) {
        self.init(bytes: Array(text.utf8), name: name)
    }

    /// Opens a script file; its path as given names it in messages.
    public convenience init(path: String) throws(LineSourceError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
            throw .cannotOpen(path: path, reason: reason)
        }
        self.init(handle: handle, name: path)
    }

    /// The standard input, named `<stdin>`.
    public static func standardInput() -> StreamSource {
        StreamSource(handle: .standardInput, name: "<stdin>")
    }

    public func nextLine() throws(LineSourceError) -> SourceLine? {
        guard !failed else { return nil }
        do {
            guard var bytes = try nextLineBytes() else { return nil }
            lineNumber += 1
            let location = SourceLocation(name: name, line: lineNumber)
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            guard let text = String(validating: bytes, as: UTF8.self) else { throw LineSourceError.invalidUTF8(location) }
            return SourceLine(text, at: location)
        } catch let error as LineSourceError {
            failed = true
            throw error
        } catch {
            failed = true
            throw .readFailed(name: name, reason: error.localizedDescription)
        }
    }

    /// The bytes up to the next `\n` (not included), reading more as needed; nil at the end.
    private func nextLineBytes() throws -> [UInt8]? {
        var searchFrom = start
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                try checkLength(line)
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                try checkLength(line)
                return line
            }
            // Stop buffering a line that can no longer fit, even allowing a CRLF's `\r`.
            let pending = buffer.count - start
            if pending > maximumLineLength + 1 { throw tooLong() }
            try fill()
            searchFrom = start + pending
        }
    }

    /// Refuses a line whose text (without a CRLF's `\r`) is past the limit.
    private func checkLength(_ line: [UInt8]) throws {
        let length = line.count - (line.last == UInt8(ascii: "\r") ? 1 : 0)
        if length > maximumLineLength { throw tooLong() }
    }

    private func tooLong() -> LineSourceError {
        .lineTooLong(SourceLocation(name: name, line: lineNumber + 1), limit: maximumLineLength)
    }

    /// Appends the next chunk from the handle, compacting consumed bytes first.
    private func fill() throws {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        guard let handle, let chunk = try handle.read(upToCount: 64 * 1024), !chunk.isEmpty else {
            atEnd = true
            return
        }
        buffer.append(contentsOf: chunk)
    }
}
