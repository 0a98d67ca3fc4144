import XCTest
@testable import FincoreModel

/// `Money.parse`: exact digit arithmetic, every refusal named with its field.
final class MoneyParsingTests: XCTestCase {
    private func minor(_ text: String, _ currency: Currency = .kes) throws -> Int64 {
        try Money.parse(text, currency: currency).minorUnits
    }

    private func refusal(
        _ text: String, _ currency: Currency = .kes, allowZero: Bool = false
    ) -> FieldError? {
        do {
            _ = try Money.parse(text, currency: currency, field: "amount", allowZero: allowZero)
            return nil
        } catch {
            return error
        }
    }

    func testAcceptedForms() throws {
        XCTAssertEqual(try minor("4,500.50"), 450_050)
        XCTAssertEqual(try minor("4500.5"), 450_050)
        XCTAssertEqual(try minor("4500"), 450_000)
        XCTAssertEqual(try minor("0.01"), 1)
        XCTAssertEqual(try minor("1,234,567.89"), 123_456_789)
        XCTAssertEqual(try minor("  4500.50\t"), 450_050)
        XCTAssertEqual(try minor("999", .ugx), 999)
        XCTAssertEqual(try minor("1.234", .kwd), 1234)
        XCTAssertEqual(try minor("1.2", .kwd), 1200)
        XCTAssertEqual(try minor("92233720368547758.07"), Int64.max)
    }

    func testRefusals() {
        let cases: [(String, Currency, String)] = [
            ("12.345", .kes, "must have at most 2 decimal places for KES"),
            ("1.5", .ugx, "must be a whole number: UGX has no minor units"),
            ("1.2345", .kwd, "must have at most 3 decimal places for KWD"),
            ("-5", .kes, "must not be negative"),
            ("92233720368547758.08", .kes, "is too large"),
            ("99999999999999999999", .ugx, "is too large"),
            ("4,50.00", .kes, "has a thousands comma in the wrong place"),
            ("4500,00", .kes, "has a thousands comma in the wrong place"),
            (",450", .kes, "has a thousands comma in the wrong place"),
            ("1,000,00", .kes, "has a thousands comma in the wrong place"),
            ("", .kes, "is required"),
            ("   ", .kes, "is required"),
            ("45 00", .kes, "must contain only digits, thousands commas and one decimal point"),
            ("4500abc", .kes, "must contain only digits, thousands commas and one decimal point"),
            ("+5", .kes, "must contain only digits, thousands commas and one decimal point"),
            ("1e5", .kes, "must contain only digits, thousands commas and one decimal point"),
            ("1.2.3", .kes, "must have at most one decimal point"),
            (".5", .kes, "must have digits before the decimal point"),
            ("5.", .kes, "must have digits after the decimal point"),
            ("1.0,0", .kes, "must not have commas after the decimal point"),
            ("0", .kes, "must be greater than zero"),
            ("0.00", .kes, "must be greater than zero"),
        ]
        for (text, currency, message) in cases {
            let error = refusal(text, currency)
            XCTAssertEqual(error?.field, "amount", text)
            XCTAssertEqual(error?.message, message, text)
        }
    }

    func testZeroAllowedWhenAsked() throws {
        XCTAssertNil(refusal("0", allowZero: true))
        XCTAssertEqual(try Money.parse("0.00", currency: .kes, allowZero: true).minorUnits, 0)
    }

    func testFieldNameIsCarried() {
        XCTAssertEqual(refusal("x")?.field, "amount")
        do {
            _ = try Money.parse("x", currency: .kes, field: "principal")
            XCTFail("accepted")
        } catch {
            XCTAssertEqual(error.field, "principal")
        }
    }
}
