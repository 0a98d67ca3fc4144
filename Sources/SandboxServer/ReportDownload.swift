import Foundation
import HTTP

/// Streams an export's stored NDJSON as a chunked body (`HTTPResponse(stream:)`), reading one
/// chunk at a time from the store, so memory per response stays one chunk however big the export.
///
/// The snapshot never changes once the report completed, so reading it in several short reads
/// (rather than one long transaction) still yields exactly the bytes of `result.as_of`.
struct ReportDownload: Sendable {
    static let chunkBytes = 64 * 1024

    let store: SandboxStore
    let reportID: String
    var chunkBytes = ReportDownload.chunkBytes

    /// The producer: the next chunk on each call, nil at the end.
    func producer() -> HTTPChunkProducer {
        let offset = Locked(0)
        let (store, id, length) = (store, reportID, chunkBytes)
        return {
            let start = offset.withLock { $0 }
            let chunk = try await store.read { tx in
                try tx.reportDownloadChunk(id: id, offset: start, length: length)
            }
            guard !chunk.isEmpty else { return nil }
            offset.withLock { $0 += chunk.count }
            return chunk
        }
    }
}
