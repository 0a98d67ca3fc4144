import XCTest

@testable import HTTP

/// SHA-256 against the FIPS 180-4 example vectors (NIST "SHA256.pdf", "SHA2_Additional.pdf").
final class SHA256Tests: XCTestCase {
    func hex(_ text: String) -> String { Hex.encode(SHA256.hash(Array(text.utf8))) }

    func testEmptyString() {
        XCTAssertEqual(hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testOneBlockMessageABC() {
        XCTAssertEqual(hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testTwoBlockMessage() {
        XCTAssertEqual(
            hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testOneMillionA() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        XCTAssertEqual(
            Hex.encode(hasher.finalize()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Feeding the same bytes in uneven pieces gives the same digest as one call, for lengths around
    /// the 55/56/64-byte padding boundaries.
    func testIncrementalUpdatesMatchOneShot() {
        for length in [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000] {
            let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            var hasher = SHA256()
            var index = 0
            var step = 1
            while index < message.count {
                let end = min(message.count, index + step)
                hasher.update(message[index..<end])
                index = end
                step = step % 13 + 3
            }
            XCTAssertEqual(hasher.finalize(), SHA256.hash(message), "length \(length)")
        }
    }

    func testFinalizeLeavesHasherUsable() {
        var hasher = SHA256()
        hasher.update(Array("ab".utf8))
        _ = hasher.finalize()
        hasher.update(Array("c".utf8))
        XCTAssertEqual(Hex.encode(hasher.finalize()), hex("abc"))
    }
}
