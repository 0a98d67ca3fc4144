import XCTest
@testable import FincoreModel

/// The value rules, one at a time.
final class ValidationTests: XCTestCase {
    func testPhone() {
        for ok in ["+254712345678", "+12345678", "+123456789012345"] { XCTAssertNil(Validation.phone(ok), ok) }
        for bad in ["254712345678", "+0712345678", "+1234567", "+1234567890123456", "+2547 1234", "", "+"] {
            XCTAssertEqual(Validation.phone(bad)?.field, "phone", bad)
        }
    }

    func testEmail() {
        for ok in ["a@b.co", "first.last+tag@example.co.ke"] { XCTAssertNil(Validation.email(ok), ok) }
        let long = String(repeating: "a", count: 250) + "@b.co"
        for bad in ["", "a", "@b.co", "a@b", "a@@b.co", "a b@c.co", "a@.co", "a@b.", "a@b..co", long] {
            XCTAssertEqual(Validation.email(bad)?.field, "email", bad)
        }
    }

    func testNamesAndLabels() {
        XCTAssertNil(Validation.name(String(repeating: "é", count: 100), field: "first_name"))
        XCTAssertNotNil(Validation.name(String(repeating: "é", count: 101), field: "first_name"))
        XCTAssertNil(Validation.name(" Ann ", field: "first_name"))
        XCTAssertEqual(Validation.name("\n", field: "last_name")?.code, .required)
        XCTAssertNil(Validation.address(String(repeating: "x", count: 500)))
        XCTAssertNotNil(Validation.address(String(repeating: "x", count: 501)))
    }

    func testASCIIKeys() {
        XCTAssertNil(Validation.externalID("offline-2026-11-24 #7"))
        XCTAssertNil(Validation.idempotencyKey(String(repeating: "k", count: 255)))
        for bad in ["", String(repeating: "k", count: 256), "naïve", "tab\t"] {
            XCTAssertNotNil(Validation.externalID(bad), bad)
            XCTAssertEqual(Validation.idempotencyKey(bad)?.field, "Idempotency-Key", bad)
        }
    }

    func testRanges() {
        XCTAssertNotNil(Validation.positiveAmount(0))
        XCTAssertNotNil(Validation.positiveAmount(-1))
        XCTAssertNil(Validation.positiveAmount(1))
        XCTAssertEqual([0, 1, 120, 121].map { Validation.termMonths($0) == nil }, [false, true, true, false])
        XCTAssertEqual([-1, 0, 10_000, 10_001].map { Validation.interestRateBps($0) == nil }, [false, true, true, false])
        XCTAssertNotNil(Validation.knownCurrency(Currency(code: "XYZ")!))
        XCTAssertNil(Validation.knownCurrency(.kes))
    }

    func testWebhookURL() {
        for ok in ["https://h.example/hook", "http://10.0.0.1:8080/x"] { XCTAssertNil(Validation.webhookURL(ok), ok) }
        for bad in ["", "h.example", "ftp://h.example", "https://", "javascript:alert(1)"] {
            XCTAssertNotNil(Validation.webhookURL(bad), bad)
        }
    }
}
