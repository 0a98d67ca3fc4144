import Foundation

/// A response body read from the network chunk by chunk, in arrival order.
///
/// Reading a chunk tells the transport it was consumed (see `StreamingDelegate` for why this
/// only counts on Linux rather than holding the connection back).
public struct BodyChunks: AsyncSequence, Sendable {
    public typealias Element = Data

    private let base: AsyncThrowingStream<Data, any Error>
    private let onConsume: @Sendable (Int) -> Void
    private let onCancel: @Sendable () -> Void

    /// Chunks from `base`; `onConsume` hears the size of each chunk read, `onCancel` stops the
    /// transfer (closes the connection) when the reader wants no more.
    public init(_ base: AsyncThrowingStream<Data, any Error>, onConsume: @escaping @Sendable (Int) -> Void = { _ in },
                onCancel: @escaping @Sendable () -> Void = {}) {
        self.base = base
        self.onConsume = onConsume
        self.onCancel = onCancel
    }

    /// Stops the transfer: a reader that has seen enough (a body over its cap) must not leave
    /// the server sending into a buffer nobody reads.
    public func cancel() { onCancel() }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<Data, any Error>.AsyncIterator
        let onConsume: @Sendable (Int) -> Void

        public mutating func next() async throws -> Data? {
            guard let chunk = try await base.next() else { return nil }
            onConsume(chunk.count)
            return chunk
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), onConsume: onConsume)
    }
}
