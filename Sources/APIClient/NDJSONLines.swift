import Foundation

/// The lines of an NDJSON body, split as chunks arrive: one JSON document per line.
///
/// Contract (§ Reports): an export's download is "NDJSON of full objects (one per line)". Only
/// the current chunk and the unfinished line are ever held, so an export of any size streams
/// through in bounded memory. Empty lines are skipped; a last line without `\n` still counts.
/// A network failure mid-body surfaces as an `APIError.transport` from `next()`.
public struct NDJSONLines: AsyncSequence, Sendable {
    public typealias Element = Data

    private let chunks: BodyChunks
    private let request: String

    init(_ chunks: BodyChunks, request: String) {
        self.chunks = chunks
        self.request = request
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var chunks: BodyChunks.AsyncIterator
        let request: String
        var pending = Data()
        var ready: [Data] = []
        var finished = false

        public mutating func next() async throws -> Data? {
            while ready.isEmpty {
                if finished { return nil }
                let chunk: Data?
                do {
                    chunk = try await chunks.next()
                } catch {
                    throw APIError.transport(TransportFailure(error, request: request))
                }
                guard let chunk else {
                    finished = true
                    if !pending.isEmpty { ready.append(pending) }
                    pending = Data()
                    continue
                }
                pending.append(chunk)
                split()
            }
            return ready.removeFirst()
        }

        /// Moves every complete line out of `pending`.
        private mutating func split() {
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                var line = pending[start..<newline]
                if line.last == 0x0D { line = line.dropLast() }
                if !line.isEmpty { ready.append(Data(line)) }
                start = pending.index(after: newline)
            }
            pending = Data(pending[start...])
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(chunks: chunks.makeAsyncIterator(), request: request)
    }

    /// The lines decoded as `T` (e.g. `SyncedObject`, `Client`); a line that does not decode
    /// throws `APIError.malformed` naming its line number.
    public func decoded<T: Decodable & Sendable>(as type: T.Type) -> DecodedLines<T> {
        DecodedLines(lines: self, request: request)
    }
}
