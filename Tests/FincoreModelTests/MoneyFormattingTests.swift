import XCTest
@testable import FincoreModel

/// Money's two written forms, checked arithmetic, and the currency table.
final class MoneyFormattingTests: XCTestCase {
    func testDisplayAndPlainForms() {
        XCTAssertEqual(Money(minorUnits: 450_050, currency: .kes).displayString, "4,500.50 KES")
        XCTAssertEqual(Money(minorUnits: 450_050, currency: .kes).plainString, "4500.50")
        XCTAssertEqual(Money(minorUnits: 1, currency: .kes).plainString, "0.01")
        XCTAssertEqual(Money(minorUnits: 0, currency: .kes).displayString, "0.00 KES")
        XCTAssertEqual(Money(minorUnits: 1_234_567, currency: .ugx).displayString, "1,234,567 UGX")
        XCTAssertEqual(Money(minorUnits: 1_234, currency: .kwd).displayString, "1.234 KWD")
        XCTAssertEqual(Money(minorUnits: -450_050, currency: .kes).displayString, "-4,500.50 KES")
        XCTAssertEqual(Money(minorUnits: 100, currency: .kes).description, "1.00 KES")
        XCTAssertEqual(Money(minorUnits: .min, currency: .kes).plainString, "-92233720368547758.08")
        XCTAssertEqual(Money(minorUnits: .max, currency: .kes).displayString, "92,233,720,368,547,758.07 KES")
    }

    func testPlainFormParsesBack() throws {
        for minor: Int64 in [1, 9, 10, 99, 100, 450_050, 123_456_789, .max] {
            for currency in [Currency.kes, .ugx, .kwd] {
                let money = Money(minorUnits: minor, currency: currency)
                XCTAssertEqual(try Money.parse(money.plainString, currency: currency), money)
                XCTAssertEqual(try Money.parse(String(money.displayString.dropLast(4)), currency: currency), money)
            }
        }
    }

    func testCheckedArithmetic() throws {
        let a = Money(minorUnits: 150, currency: .kes)
        XCTAssertEqual(try a.adding(a).minorUnits, 300)
        XCTAssertEqual(try a.subtracting(Money(minorUnits: 200, currency: .kes)).minorUnits, -50)
        XCTAssertEqual(try a.multiplied(by: 3).minorUnits, 450)
        XCTAssertEqual(try a.compare(Money(minorUnits: 151, currency: .kes)), .less)
        XCTAssertEqual(try Money.sum([a, a, a], currency: .kes).minorUnits, 450)

        XCTAssertThrowsError(try Money(minorUnits: .max, currency: .kes).adding(Money(minorUnits: 1, currency: .kes))) {
            XCTAssertEqual(($0 as? ModelError)?.code, .overflow)
        }
        XCTAssertThrowsError(try Money(minorUnits: .min, currency: .kes).subtracting(Money(minorUnits: 1, currency: .kes))) {
            XCTAssertEqual(($0 as? ModelError)?.code, .overflow)
        }
        XCTAssertThrowsError(try Money(minorUnits: .max, currency: .kes).multiplied(by: 2)) {
            XCTAssertEqual(($0 as? ModelError)?.code, .overflow)
        }
        XCTAssertThrowsError(try a.adding(Money(minorUnits: 1, currency: .ugx))) {
            XCTAssertEqual(($0 as? ModelError)?.code, .currencyMismatch)
            XCTAssertEqual(($0 as? ModelError)?.message, "cannot combine KES with UGX")
        }
        XCTAssertThrowsError(try a.compare(Money(minorUnits: 1, currency: .usd)))
    }

    func testCurrencyTable() throws {
        let expected: [String: Int] = [
            "KES": 2, "UGX": 0, "TZS": 2, "RWF": 0, "NGN": 2, "GHS": 2, "ZAR": 2, "USD": 2, "EUR": 2,
            "GBP": 2, "INR": 2, "JPY": 0, "KWD": 3, "BHD": 3, "OMR": 3, "XOF": 0,
        ]
        for (code, exponent) in expected {
            let currency = try XCTUnwrap(Currency(code: code))
            XCTAssertEqual(currency.exponent, exponent, code)
            XCTAssertTrue(currency.isKnown, code)
        }
        let unknown = try XCTUnwrap(Currency(code: "XYZ"))
        XCTAssertEqual(unknown.exponent, 2)
        XCTAssertFalse(unknown.isKnown)
        for bad in ["kes", "KE", "KESS", "K3S", "", "ÄBC"] {
            XCTAssertNil(Currency(code: bad), bad)
        }
        XCTAssertThrowsError(try Currency.parse("kes")) {
            XCTAssertEqual(($0 as? FieldError)?.field, "currency")
        }
    }
}
