import APIClient
import FincoreModel
import Foundation
import XCTest

/// The client against a live server (the sandbox, or any Fincore server), when one is named.
///
/// Set `FINCORE_TEST_BASE_URL` (e.g. `http://127.0.0.1:8080/v1/`) and `FINCORE_TEST_KEY` to run;
/// skipped otherwise. Once the SandboxServer target lands, these can start it in-process instead.
final class SandboxSmokeTests: XCTestCase {
    private func liveClient() throws -> APIClient {
        let environment = ProcessInfo.processInfo.environment
        guard let base = environment["FINCORE_TEST_BASE_URL"].flatMap(URL.init(string:)),
              let key = environment["FINCORE_TEST_KEY"].flatMap(APIKey.init)
        else { throw XCTSkip("no live server named (FINCORE_TEST_BASE_URL, FINCORE_TEST_KEY)") }
        var configuration = APIClient.Configuration()
        configuration.retryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(100), deadline: .seconds(20))
        return APIClient(baseURL: base, key: key, configuration: configuration)
    }

    /// Create a client twice under one key: the second answer is the first, replayed.
    func testCreateIsReplayedUnderTheSameKey() async throws {
        let client = try liveClient()
        let key = IdempotencyKey.generate()
        let external = "smoke-\(key.rawValue.prefix(12))"
        let new = NewClient(firstName: "Smoke", lastName: "Test", externalID: external)
        let first = try await client.createClient(new, options: WriteOptions(idempotencyKey: key))
        let second = try await client.createClient(new, options: WriteOptions(idempotencyKey: key))
        XCTAssertEqual(first.value.id, second.value.id)
        XCTAssertFalse(first.meta.replayed)
        XCTAssertTrue(second.meta.replayed)
        XCTAssertNotNil(first.meta.rateLimit)
        let fetched = try await client.client(first.value.id)
        XCTAssertEqual(fetched.meta.version, fetched.value.version)
        let again = await expectAPIError { try await client.createClient(new) }
        XCTAssertEqual(again?.httpFailure?.knownCode, .externalIDTaken)
        XCTAssertEqual(try again?.httpFailure?.current?.decode(as: Client.self).id, first.value.id)
        let page = try await client.listClients(ListQuery(externalID: external))
        XCTAssertEqual(page.value.data.compactMap(\.object?.id), [first.value.id])
    }
}
