/// HMAC with SHA-256 (RFC 2104): `H(K XOR opad, H(K XOR ipad, text))`, fed incrementally.
public struct HMAC: Sendable {
    private var inner: SHA256
    private var outer: SHA256

    /// Keys longer than the block size are hashed first, shorter ones zero-padded (RFC 2104 §2).
    public init(key: some Sequence<UInt8>) {
        var block = Array(key)
        if block.count > SHA256.blockByteCount { block = SHA256.hash(block) }
        block += [UInt8](repeating: 0, count: SHA256.blockByteCount - block.count)
        inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        outer = SHA256()
        outer.update(block.map { $0 ^ 0x5c })
    }

    /// A MAC keyed with the UTF-8 bytes of `key` (webhook secrets are strings).
    public init(key: String) {
        self.init(key: Array(key.utf8))
    }

    /// The MAC of `message` under `key` in one call.
    public static func authenticationCode(for message: some Sequence<UInt8>, key: some Sequence<UInt8>) -> [UInt8] {
        var mac = HMAC(key: key)
        mac.update(message)
        return mac.finalize()
    }

    public mutating func update(_ bytes: some Sequence<UInt8>) {
        inner.update(bytes)
    }

    /// The 32-byte MAC; truncate it yourself where a protocol says so (RFC 2104 §5).
    public func finalize() -> [UInt8] {
        var outer = outer
        outer.update(inner.finalize())
        return outer.finalize()
    }
}
