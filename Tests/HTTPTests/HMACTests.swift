import XCTest

@testable import HTTP

/// HMAC-SHA-256 against every test case of RFC 4231 §4.2–4.8.
final class HMACTests: XCTestCase {
    func mac(key: [UInt8], data: [UInt8]) -> String {
        Hex.encode(HMAC.authenticationCode(for: data, key: key))
    }

    func bytes(_ hex: String) -> [UInt8] { Hex.decode(hex) ?? [] }

    func testCase1() {
        XCTAssertEqual(
            mac(key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8)),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    }

    func testCase2KeyShorterThanOutput() {
        XCTAssertEqual(
            mac(key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8)),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    func testCase3CombinedLengthOverBlock() {
        XCTAssertEqual(
            mac(key: [UInt8](repeating: 0xaa, count: 20), data: [UInt8](repeating: 0xdd, count: 50)),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe")
    }

    func testCase4() {
        XCTAssertEqual(
            mac(key: bytes("0102030405060708090a0b0c0d0e0f10111213141516171819"), data: [UInt8](repeating: 0xcd, count: 50)),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b")
    }

    func testCase5TruncatedTo128Bits() {
        let full = HMAC.authenticationCode(
            for: Array("Test With Truncation".utf8), key: [UInt8](repeating: 0x0c, count: 20))
        XCTAssertEqual(Hex.encode(full.prefix(16)), "a3b6167473100ee06e0c796c2955552b")
    }

    func testCase6KeyLargerThanBlock() {
        XCTAssertEqual(
            mac(
                key: [UInt8](repeating: 0xaa, count: 131),
                data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    func testCase7KeyAndDataLargerThanBlock() {
        let data = "This is a test using a larger than block-size key and a larger than block-size data. "
            + "The key needs to be hashed before being used by the HMAC algorithm."
        XCTAssertEqual(
            mac(key: [UInt8](repeating: 0xaa, count: 131), data: Array(data.utf8)),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")
    }

    func testStreamingUpdatesMatchOneShot() {
        var mac = HMAC(key: Array("Jefe".utf8))
        for word in ["what ", "do ya ", "want ", "for nothing?"] { mac.update(Array(word.utf8)) }
        XCTAssertEqual(Hex.encode(mac.finalize()), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    func testConstantTimeEquals() {
        XCTAssertTrue(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        XCTAssertFalse(ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        XCTAssertFalse(ConstantTime.equals([1, 2, 3], [1, 2]))
        XCTAssertFalse(ConstantTime.equals([UInt8](), [0]))
        XCTAssertTrue(ConstantTime.equals([UInt8](), [UInt8]()))
        XCTAssertTrue(ConstantTime.equalsHex("ABcd", "abCD"))
        XCTAssertFalse(ConstantTime.equalsHex("abcd", "abce"))
    }

    func testHexRoundTrip() {
        XCTAssertEqual(Hex.encode([0x00, 0x7f, 0xff]), "007fff")
        XCTAssertEqual(Hex.decode("007FFF"), [0x00, 0x7f, 0xff])
        XCTAssertNil(Hex.decode("abc"))
        XCTAssertNil(Hex.decode("zz"))
    }
}
