import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import APIClient
import XCTest

/// Every transport failure the client can meet, and what the caller may do about it (issue 5: offline,
/// DNS, refused, reset, timeout, TLS). Refused, lost and timed-out connections are also produced for
/// real against loopback in `APIErrorDecodingTests` and `RetryBehaviourTests`.
final class TransportFailureTests: XCTestCase {
    func testEachURLErrorMapsToItsKindAndRecovery() {
        let cases: [(URLError.Code, TransportFailure.Kind, Recovery, Bool)] = [
            (.notConnectedToInternet, .notConnected, .retry, false),
            (.dataNotAllowed, .notConnected, .retry, false),
            (.cannotFindHost, .dns, .retry, false),
            (.dnsLookupFailed, .dns, .retry, false),
            (.cannotConnectToHost, .refused, .retry, false),
            (.networkConnectionLost, .connectionLost, .retry, true),
            (.timedOut, .timedOut, .retry, true),
            (.badServerResponse, .badResponse, .retry, true),
            (.secureConnectionFailed, .tls, .giveUp, false),
            (.serverCertificateUntrusted, .tls, .giveUp, false),
            (.serverCertificateHasBadDate, .tls, .giveUp, false),
            (.cancelled, .cancelled, .giveUp, false),
            (.unsupportedURL, .other, .giveUp, false),
        ]
        for (code, kind, recovery, mayHaveExecuted) in cases {
            let failure = TransportFailure(URLError(code), request: "POST /v1/clients")
            XCTAssertEqual(failure.kind, kind, "\(code)")
            XCTAssertEqual(failure.recovery, recovery, "\(code)")
            XCTAssertEqual(failure.mayHaveExecuted, mayHaveExecuted, "\(code)")
            XCTAssertEqual(failure.urlErrorCode, code.rawValue)
        }
    }

    func testCancellationIsNotAFailureToRetry() {
        let failure = TransportFailure(CancellationError())
        XCTAssertEqual(failure.kind, .cancelled)
        XCTAssertEqual(failure.recovery, .giveUp)
    }

    func testTheDescriptionNamesTheRequestWithoutItsQuery() {
        let failure = TransportFailure(URLError(.cannotFindHost), request: "GET /v1/clients")
        XCTAssertEqual(failure.description, "GET /v1/clients: host not found (URLError \(URLError.Code.cannotFindHost.rawValue))")
    }
}
