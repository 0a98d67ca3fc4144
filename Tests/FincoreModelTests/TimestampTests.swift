import XCTest
@testable import FincoreModel

/// `Timestamp`: exact microseconds, RFC 3339 in and out.
final class TimestampTests: XCTestCase {
    func testRoundTripWithMicroseconds() throws {
        let text = "2026-11-24T09:15:02.123456Z"
        let t = try XCTUnwrap(Timestamp(text))
        XCTAssertEqual(t.description, text)
        XCTAssertEqual(t.microsecondsSinceEpoch % 1_000_000, 123_456)
        XCTAssertEqual(Timestamp(microsecondsSinceEpoch: 0).description, "1970-01-01T00:00:00.000000Z")
        XCTAssertEqual(Timestamp(microsecondsSinceEpoch: 1).description, "1970-01-01T00:00:00.000001Z")
        XCTAssertEqual(Timestamp(microsecondsSinceEpoch: -1).description, "1969-12-31T23:59:59.999999Z")
        XCTAssertEqual(Timestamp("2000-02-29T23:59:59.999999Z")?.description, "2000-02-29T23:59:59.999999Z")
    }

    func testFewerDigitsAndOffsetsNormalise() {
        XCTAssertEqual(Timestamp("2026-11-24T09:15:02Z")?.description, "2026-11-24T09:15:02.000000Z")
        XCTAssertEqual(Timestamp("2026-11-24T09:15:02.1Z")?.description, "2026-11-24T09:15:02.100000Z")
        XCTAssertEqual(Timestamp("2026-11-24T09:15:02.123+00:00")?.description, "2026-11-24T09:15:02.123000Z")
        XCTAssertEqual(Timestamp("2026-11-24T12:15:02.5+03:00")?.description, "2026-11-24T09:15:02.500000Z")
        XCTAssertEqual(Timestamp("2026-12-31T23:30:00-01:00")?.description, "2027-01-01T00:30:00.000000Z")
        XCTAssertEqual(Timestamp("2026-11-24t09:15:02z"), Timestamp("2026-11-24T09:15:02Z"))
    }

    func testGarbageRefused() {
        let bad = [
            "", "2026-11-24", "2026-11-24T09:15:02", "2026-11-24 09:15:02Z", "2026-13-01T00:00:00Z",
            "2026-02-29T00:00:00Z", "2026-11-24T24:00:00Z", "2026-11-24T09:60:00Z", "2026-11-24T09:15:60Z",
            "2026-11-24T09:15:02.Z", "2026-11-24T09:15:02.1234567Z", "2026-11-24T09:15:02+0000",
            "2026-11-24T09:15:02Zjunk", "26-11-24T09:15:02Z", "2026-11-24T09:15:02.12a456Z", "yesterday",
        ]
        for text in bad { XCTAssertNil(Timestamp(text), text) }
        XCTAssertThrowsError(try Timestamp.parse("nope", field: "updated_since")) {
            XCTAssertEqual(($0 as? FieldError)?.field, "updated_since")
        }
    }

    func testOrderingAndArithmetic() throws {
        let a = try XCTUnwrap(Timestamp("2026-11-24T09:15:02.000001Z"))
        let b = try XCTUnwrap(Timestamp("2026-11-24T09:15:02.000002Z"))
        XCTAssertLessThan(a, b)
        XCTAssertEqual(a.adding(microseconds: 1), b)
        XCTAssertEqual(a.adding(seconds: -10).description, "2026-11-24T09:14:52.000001Z")
        XCTAssertEqual(Timestamp(microsecondsSinceEpoch: .max).adding(seconds: 1).microsecondsSinceEpoch, .max)
        XCTAssertEqual(a.unixSeconds, 1_795_511_702)
    }

    func testDateConversionForClocks() {
        let t = Timestamp(Date(timeIntervalSince1970: 1_795_511_702.25))
        XCTAssertEqual(t.description, "2026-11-24T09:15:02.250000Z")
        XCTAssertEqual(t.date.timeIntervalSince1970, 1_795_511_702.25)
    }

    func testJSONCodingIsAString() throws {
        let t = try XCTUnwrap(Timestamp("2026-11-24T09:15:02.123456Z"))
        let data = try FincoreJSON.encode([t])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["2026-11-24T09:15:02.123456Z"]"#)
        XCTAssertEqual(try FincoreJSON.decoder().decode([Timestamp].self, from: data), [t])
    }
}
