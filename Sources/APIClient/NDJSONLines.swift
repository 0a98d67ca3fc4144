import Foundation

/// The lines of an NDJSON body, split as chunks arrive: one JSON document per line.
///
/// Contract (§ Reports): an export's download is "NDJSON of full objects (one per line)". Only
/// the current chunk and the unfinished line are ever held, so an export of any size streams
/// through in bounded memory. Empty lines are skipped; a last line without `\n` still counts.
/// A network failure mid-body surfaces as an `APIError.transport` from `next()`.
///
/// A line is at most `maximumLineBytes` long: a longer one (a server sending bytes without a
/// newline, forever) ends the sequence with `MalformedResponse.Problem.lineTooLong` and stops
/// the transfer, instead of growing the unfinished line without bound.
public struct NDJSONLines: AsyncSequence, Sendable {
    public typealias Element = Data

    /// The default cap on one line: 1 MiB, the contract's cap on a request body, and far
    /// above any object (a loan with a 120-instalment schedule is about 15 KiB).
    public static let defaultMaximumLineBytes = 1 << 20

    private let chunks: BodyChunks
    private let request: String
    private let maximumLineBytes: Int

    init(_ chunks: BodyChunks, request: String, maximumLineBytes: Int = NDJSONLines.defaultMaximumLineBytes) {
        self.chunks = chunks
        self.request = request
        self.maximumLineBytes = Swift.max(1, maximumLineBytes)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let body: BodyChunks
        var chunks: BodyChunks.AsyncIterator
        let request: String
        let limit: Int
        var pending = Data()
        var ready: [Data] = []
        var finished = false
        /// Lines found so far, empty ones included (the number of the line being read is this + 1).
        var linesFound = 0

        public mutating func next() async throws -> Data? {
            while ready.isEmpty {
                // Lines before an over-long one are handed out first; then the stream ends.
                if pending.count > limit { throw tooLong() }
                if finished { return nil }
                let chunk: Data?
                do {
                    // A cancelled reader stops here: the stream may still hold buffered chunks.
                    try Task.checkCancellation()
                    chunk = try await chunks.next()
                } catch let refused as ResponseTooLarge {
                    finished = true
                    throw APIError.malformed(MalformedResponse(
                        status: refused.head.status, problem: .tooLarge(limit: refused.limit),
                        byteCount: refused.received, request: request))
                } catch {
                    finished = true
                    throw APIError.transport(TransportFailure(error, request: request))
                }
                guard let chunk else {
                    finished = true
                    if !pending.isEmpty, pending.count <= limit {
                        ready.append(pending)
                        pending = Data()
                    }
                    continue
                }
                pending.append(chunk)
                split()
            }
            return ready.removeFirst()
        }

        /// Moves every complete line out of `pending`; a complete line over the cap is refused too.
        private mutating func split() {
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                var line = pending[start..<newline]
                if line.last == 0x0D { line = line.dropLast() }
                if line.count > limit {
                    pending = Data(pending[start...])
                    return
                }
                linesFound += 1
                if !line.isEmpty { ready.append(Data(line)) }
                start = pending.index(after: newline)
            }
            pending = Data(pending[start...])
        }

        /// Ends the stream: the transfer is stopped and nothing more is read or handed out.
        private mutating func tooLong() -> APIError {
            finished = true
            ready = []
            let size = pending.count
            pending = Data()
            body.cancel()
            return .malformed(MalformedResponse(
                status: 200, problem: .lineTooLong(line: linesFound + 1, limit: limit), byteCount: size,
                request: request))
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(body: chunks, chunks: chunks.makeAsyncIterator(), request: request, limit: maximumLineBytes)
    }

    /// The lines decoded as `T` (e.g. `SyncedObject`, `Client`); a line that does not decode
    /// throws `APIError.malformed` naming its line number.
    public func decoded<T: Decodable & Sendable>(as type: T.Type) -> DecodedLines<T> {
        DecodedLines(lines: self, request: request)
    }
}
