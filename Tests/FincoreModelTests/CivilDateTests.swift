import XCTest
@testable import FincoreModel

/// `CivilDate`: days-from-civil arithmetic, month-end clamping, leap years.
final class CivilDateTests: XCTestCase {
    private func d(_ text: String) throws -> CivilDate { try XCTUnwrap(CivilDate(text), text) }

    func testParseAndFormat() throws {
        XCTAssertEqual(try d("2026-11-24").description, "2026-11-24")
        XCTAssertEqual(try d("0001-01-01").description, "0001-01-01")
        for bad in ["2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-01", "20261124", "", "2026-11-24T00"] {
            XCTAssertNil(CivilDate(bad), bad)
        }
        XCTAssertNotNil(CivilDate("2024-02-29"))
        XCTAssertNotNil(CivilDate("2000-02-29"))
        XCTAssertNil(CivilDate("1900-02-29"))
    }

    func testDaysSinceEpoch() throws {
        XCTAssertEqual(try d("1970-01-01").daysSinceEpoch, 0)
        XCTAssertEqual(try d("1969-12-31").daysSinceEpoch, -1)
        XCTAssertEqual(try d("2000-03-01").daysSinceEpoch, 11_017)
        XCTAssertEqual(CivilDate(daysSinceEpoch: 11_017).description, "2000-03-01")
        // Every day over four centuries round-trips.
        for days in stride(from: Int64(-146_097), through: 146_097, by: 1) {
            let date = CivilDate(daysSinceEpoch: days)
            XCTAssertEqual(date.daysSinceEpoch, days)
        }
    }

    func testDayArithmetic() throws {
        XCTAssertEqual(try d("2024-02-28").adding(days: 1).description, "2024-02-29")
        XCTAssertEqual(try d("2023-02-28").adding(days: 1).description, "2023-03-01")
        XCTAssertEqual(try d("2026-12-31").adding(days: 1).description, "2027-01-01")
        XCTAssertEqual(try d("2026-01-01").adding(days: -1).description, "2025-12-31")
        XCTAssertEqual(try d("2026-01-01").days(until: d("2027-01-01")), 365)
    }

    func testMonthArithmeticClampsToMonthEnd() throws {
        XCTAssertEqual(try d("2024-01-31").adding(months: 1).description, "2024-02-29")
        XCTAssertEqual(try d("2026-01-31").adding(months: 1).description, "2026-02-28")
        XCTAssertEqual(try d("2026-03-31").adding(months: 1).description, "2026-04-30")
        XCTAssertEqual(try d("2026-12-15").adding(months: 1).description, "2027-01-15")
        XCTAssertEqual(try d("2026-11-30").adding(months: 3).description, "2027-02-28")
        XCTAssertEqual(try d("2026-01-31").adding(months: 12).description, "2027-01-31")
        XCTAssertEqual(try d("2026-01-15").adding(months: -1).description, "2025-12-15")
        XCTAssertEqual(try d("2024-02-29").adding(months: 12).description, "2025-02-28")
        XCTAssertEqual(try d("2026-05-31").adding(months: 120).description, "2036-05-31")
    }

    func testUTCDateOfTimestamp() throws {
        XCTAssertEqual(CivilDate(try XCTUnwrap(Timestamp("2026-11-24T23:59:59.999999Z"))).description, "2026-11-24")
        XCTAssertEqual(CivilDate(try XCTUnwrap(Timestamp("2026-11-25T01:00:00+03:00"))).description, "2026-11-24")
        XCTAssertEqual(CivilDate(Timestamp(microsecondsSinceEpoch: -1)).description, "1969-12-31")
        XCTAssertEqual(try d("2026-11-24").startOfDay.description, "2026-11-24T00:00:00.000000Z")
    }
}
