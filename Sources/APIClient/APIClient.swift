import Foundation
import FincoreModel

/// How the agent talks to a Fincore server: one per base URL and key, shared by every task.
///
/// Immutable apart from its collaborators, which are actors (`RateLimitScheduler`,
/// `FeatureAvailability`) or thread-safe (`HTTPTransport`), hence `Sendable` without locks.
/// Every call goes through the scheduler, carries `Authorization: Bearer <key>`, an
/// `Idempotency-Key` when it is a `POST` or `PATCH` (the same on every retry), and is retried
/// by `RetryPolicy`. The key is never printed: see `APIKey`.
public final class APIClient: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The knobs of a client; the defaults suit a real server.
    public struct Configuration: Sendable {
        public var retryPolicy: RetryPolicy = .standard
        /// The time one attempt may take (less if the call's deadline is nearer).
        public var requestTimeout: Duration = .seconds(30)
        public var userAgent = "fincore-agent/1"
        public var clock: any APIClock = SystemClock()
        /// A source of numbers in `0..<1` for jitter (injected for exact tests).
        public var random: @Sendable () -> Double = { Double.random(in: 0..<1) }
        /// The rate-limit window assumed until a response says otherwise (contract: a minute).
        public var rateLimitWindow: Duration = .seconds(60)
        /// The longest NDJSON line a streamed download may hold (see `NDJSONLines`).
        public var maximumLineBytes = NDJSONLines.defaultMaximumLineBytes
        /// Hears every attempt, answer and retry (already redacted).
        public var onEvent: (@Sendable (APIEvent) -> Void)?

        public init() {}
    }

    /// The versioned base URL, ending in `/` (`https://api.fincore.com/v1/`).
    public let baseURL: URL
    public let configuration: Configuration
    /// The client's rate-limit scheduler (its counters serve benchmarks).
    public let scheduler: RateLimitScheduler
    /// Which optional features the server turned out to have, this session.
    public let features: FeatureAvailability
    let key: APIKey
    let transport: any HTTPTransport

    /// A client for `baseURL` (with the version in its path) using `key`.
    public init(
        baseURL: URL, key: APIKey, configuration: Configuration = Configuration(),
        transport: any HTTPTransport = URLSessionTransport(), scheduler: RateLimitScheduler? = nil
    ) {
        let text = baseURL.absoluteString
        self.baseURL = text.hasSuffix("/") ? baseURL : URL(string: text + "/") ?? baseURL
        self.key = key
        self.configuration = configuration
        self.transport = transport
        self.scheduler = scheduler ?? RateLimitScheduler(clock: configuration.clock, window: configuration.rateLimitWindow)
        self.features = FeatureAvailability()
    }

    public var description: String { "APIClient(\(baseURL.absoluteString), key \(key))" }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["baseURL": baseURL.absoluteString, "key": key.description])
    }
}
