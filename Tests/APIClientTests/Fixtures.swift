import APIClient
import FincoreModel
import Foundation
import XCTest

/// The API key of every test: distinctive, so that a leak is easy to find.
let testKeyText = "sk_test_S3cr3tV4lu3ThatMustNeverLeak"
let testKey = APIKey(testKeyText)!  // a literal known to be valid

/// A client for `server` with no retries unless asked, a fast timeout and an optional clock.
func makeClient(
    _ server: LoopbackServer, policy: RetryPolicy = .never, timeout: Duration = .seconds(5),
    clock: any APIClock = ManualClock(autoAdvance: true), random: @escaping @Sendable () -> Double = { 0 },
    events: EventLog? = nil
) -> APIClient {
    var configuration = APIClient.Configuration()
    configuration.retryPolicy = policy
    configuration.requestTimeout = timeout
    configuration.clock = clock
    configuration.random = random
    if let events { configuration.onEvent = { events.append($0) } }
    return APIClient(baseURL: server.baseURL, key: testKey, configuration: configuration)
}

/// Collects a client's events (thread-safe).
final class EventLog: @unchecked Sendable {
    // @unchecked: `events` is only touched under `lock`.
    private let lock = NSLock()
    private var events: [APIEvent] = []

    func append(_ event: APIEvent) { lock.withLock { events.append(event) } }
    var all: [APIEvent] { lock.withLock { events } }
}

/// A contract error body.
func errorJSON(_ code: String, _ message: String = "It failed", details: String = "[]", current: String = "null") -> String {
    #"{"error":{"code":"\#(code)","message":"\#(message)","details":\#(details),"current":\#(current)}}"#
}

/// The rate-limit headers of a `most` bucket answer.
func rateHeaders(remaining: Int = 99, reset: Int = 60, limit: Int = 100) -> [String: String] {
    ["X-RateLimit-Limit": "\(limit)", "X-RateLimit-Remaining": "\(remaining)", "X-RateLimit-Reset": "\(reset)",
     "Content-Type": "application/json"]
}

/// A small object to decode in tests that do not need the model's types.
struct Echo: Codable, Hashable, Sendable {
    var id: String
    var version: Int?
}

/// Runs `body` and returns the `APIError` it throws, failing the test if it succeeds.
func expectAPIError<T>(_ body: () async throws -> T, file: StaticString = #filePath, line: UInt = #line) async -> APIError? {
    do {
        _ = try await body()
        XCTFail("expected an APIError", file: file, line: line)
        return nil
    } catch let error as APIError {
        return error
    } catch {
        XCTFail("not an APIError: \(error)", file: file, line: line)
        return nil
    }
}

/// Polls `condition` (yielding) until it holds or about two seconds pass.
func eventually(_ condition: () async -> Bool) async -> Bool {
    for _ in 0..<2000 {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(1))
    }
    return false
}
