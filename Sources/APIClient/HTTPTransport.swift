import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one HTTP request and returns the whole answer: the seam between the client and URLSession.
///
/// `URLSessionTransport` is the real one; the protocol exists so that other layers (the sync
/// driver's tests) can put a scripted server behind the client without sockets.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the status, headers and body; throws `URLError` (or
    /// `CancellationError`) when no answer arrives.
    func send(_ request: URLRequest) async throws -> (HTTPResponseHead, Data)

    /// Sends `request` and returns the status and headers as soon as they arrive, with the body
    /// as a stream of chunks read from the network as it comes (never the whole body in memory).
    func stream(_ request: URLRequest) async throws -> (HTTPResponseHead, BodyChunks)
}
