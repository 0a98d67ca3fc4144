import Foundation

/// A TCP socket: a file descriptor with the few operations the server and its tests need.
///
/// A value holding a descriptor number, so it is `Sendable`; ownership is by convention: the thread
/// that accepted or connected it reads, writes and closes it, and others may only `shutdown` it (which
/// is how the server wakes a thread blocked on it). Every system call goes through `Socket+Glibc`.
public struct Socket: Sendable, Hashable {
    /// How much of the connection `shutdown` ends.
    public enum Direction: Sendable {
        case read, write, both
    }

    let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// A listening socket bound to `host:port`; port 0 asks the kernel for a free port (see `localPort`).
    ///
    /// `SO_REUSEADDR` lets a restarted server bind while old connections sit in TIME_WAIT.
    public static func listen(host: String, port: UInt16, backlog: Int32 = 1024) throws(SocketError) -> Socket {
        let address = try SocketAddress(host: host, port: port)
        let socket = try Socket(family: address.family)
        do {
            try socket.setOption(SOL_SOCKET, SO_REUSEADDR, 1)
            try socket.bind(address)
            try socket.startListening(backlog: backlog)
        } catch {
            socket.close()
            throw error
        }
        return socket
    }

    /// A connected client socket (used by tests and by anything that talks raw HTTP).
    public static func connect(host: String, port: UInt16) throws(SocketError) -> Socket {
        let address = try SocketAddress(host: host, port: port)
        let socket = try Socket(family: address.family)
        do {
            try socket.connect(address)
            try socket.setNoDelay()
        } catch {
            socket.close()
            throw error
        }
        return socket
    }

    /// Reads what has arrived, at most `maxBytes`; waits up to `timeout` seconds (nil: forever).
    /// Returns an empty array when the peer has closed; throws `.timedOut` when nothing came in time.
    public func read(maxBytes: Int = 64 * 1024, timeout: Double? = nil) throws(SocketError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: maxBytes)
        // withUnsafeMutableBytes rethrows untyped errors, so the typed error travels in a Result.
        let count = try bytes.withUnsafeMutableBytes { buffer in
            Result { () throws(SocketError) -> Int in try read(into: buffer, timeout: timeout) }
        }.get()
        bytes.removeLast(maxBytes - count)
        return bytes
    }

    /// Reads into `buffer`, waiting up to `timeout` seconds; returns the count, 0 when the peer closed.
    public func read(into buffer: UnsafeMutableRawBufferPointer, timeout: Double?) throws(SocketError) -> Int {
        if let timeout, try !waitReadable(timeout: timeout) { throw .timedOut }
        return try receive(into: buffer)
    }

    /// Writes every byte, looping over partial writes.
    public func writeAll(_ bytes: some DataProtocol) throws(SocketError) {
        for region in bytes.regions {
            try region.withUnsafeBytes { buffer in
                Result { () throws(SocketError) in
                    var offset = 0
                    while offset < buffer.count {
                        offset += try send(UnsafeRawBufferPointer(rebasing: buffer[offset...]))
                    }
                }
            }.get()
        }
    }
}
