import XCTest

@testable import HTTP

/// The `Fincore-Signature` header: made, then verified or refused with the exact reason.
final class WebhookSignatureTests: XCTestCase {
    let secret = "whsec_test"
    let body = Array(#"{"id":"ev_1","type":"loan.updated"}"#.utf8)
    let now: Int64 = 1_800_000_000

    func testHeaderFormatMatchesAnIndependentComputation() {
        let header = WebhookSignature.header(secret: secret, body: body, timestamp: now)
        let expected = Hex.encode(HMAC.authenticationCode(for: Array("\(now).".utf8) + body, key: Array(secret.utf8)))
        XCTAssertEqual(header, "t=\(now),v1=\(expected)")
    }

    func testValidSignature() {
        let header = WebhookSignature.header(secret: secret, body: body, timestamp: now - 299)
        XCTAssertEqual(WebhookSignature.verify(header: header, body: body, secret: secret, now: now), .success(now - 299))
    }

    func testTimestampOutsideTolerance() {
        for t in [now - 301, now + 301] {
            let header = WebhookSignature.header(secret: secret, body: body, timestamp: t)
            XCTAssertEqual(
                WebhookSignature.verify(header: header, body: body, secret: secret, now: now),
                .failure(.timestampOutOfTolerance(timestamp: t, now: now)))
        }
    }

    func testWrongSecretOrBodyIsAMismatch() {
        let header = WebhookSignature.header(secret: secret, body: body, timestamp: now)
        XCTAssertEqual(
            WebhookSignature.verify(header: header, body: body, secret: "other", now: now), .failure(.signatureMismatch))
        XCTAssertEqual(
            WebhookSignature.verify(header: header, body: body + [0x20], secret: secret, now: now),
            .failure(.signatureMismatch))
    }

    func testAnyOfSeveralV1EntriesMayMatch() {
        let good = WebhookSignature.header(secret: secret, body: body, timestamp: now)
        let header = "t=\(now),v1=\(String(repeating: "0", count: 64)),\(good.split(separator: ",")[1])"
        XCTAssertEqual(WebhookSignature.verify(header: header, body: body, secret: secret, now: now), .success(now))
    }

    func testMalformedHeaders() {
        let v1 = String(repeating: "a", count: 64)
        for header in ["", "t=abc,v1=\(v1)", "v1=\(v1)", "t=\(now)", "t=\(now),v1=xyz", "t=\(now),v1=\(v1),t=1", "garbage"] {
            XCTAssertEqual(
                WebhookSignature.verify(header: header, body: body, secret: secret, now: now), .failure(.malformedHeader),
                header)
        }
        XCTAssertEqual(WebhookSignature.verify(header: nil, body: body, secret: secret, now: now), .failure(.missingHeader))
    }
}
