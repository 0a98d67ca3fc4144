import Foundation

/// The sandbox's fault knobs: each a probability, a range or a count, as `--faults` and
/// `POST /_sandbox/faults` set them (keys like `error_503=0.2,latency_ms=5-50`).
public struct FaultConfiguration: Sendable, Equatable {
    /// Added latency per request, in milliseconds, drawn uniformly from the range.
    public var latencyMilliseconds: ClosedRange<Int> = 0...0
    public var error503: Double = 0
    public var error500: Double = 0
    /// Close the connection without executing the request.
    public var dropBeforeCommit: Double = 0
    /// Execute and commit, then close without answering: the case idempotency keys exist for.
    public var dropAfterCommit: Double = 0
    /// Send the headers and part of the body, then close.
    public var truncateBody: Double = 0
    /// Empty the request's rate-limit bucket and answer 429.
    public var storm429: Double = 0
    /// Stamp `updated_at` up to this many seconds in the past (the contract allows 10 at most).
    public var commitLagSeconds: Double = 0
    /// Background writers creating, editing, deleting and moving objects while clients page.
    public var writers: Int = 0
    /// The chance that a webhook delivery is sent twice (same event `id`).
    public var webhookDuplicate: Double = 0
    /// Sends each webhook delivery after a random delay of up to this many milliseconds, so
    /// deliveries overtake each other; 0 keeps commit order.
    public var webhookShuffleMilliseconds: Int = 0
    /// The chance that a webhook attempt fails without being sent (as if the endpoint were
    /// unreachable), so it is retried with backoff.
    public var webhookFail: Double = 0

    public init() {}

    /// The keys, in the order help and stats list them.
    public static let keys = [
        "latency_ms", "error_503", "error_500", "drop_before_commit", "drop_after_commit",
        "truncate_body", "storm_429", "commit_lag_s", "writers",
        "webhook_duplicate", "webhook_shuffle_ms", "webhook_fail",
    ]

    /// Parses `KEY=VALUE[,KEY=VALUE…]` on top of these settings; an empty spec changes nothing.
    public func applying(spec: String) throws(FaultSpecError) -> FaultConfiguration {
        var result = self
        for item in spec.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
        where !item.isEmpty {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw FaultSpecError(field: parts.first ?? item, message: "expected KEY=VALUE, got '\(item)'")
            }
            try result.set(parts[0], to: parts[1])
        }
        return result
    }

    /// Applies a JSON object of the same keys (numbers, or strings such as `"5-50"` for ranges).
    public func applying(json: Data) throws(FaultSpecError) -> FaultConfiguration {
        guard let object = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any] else {
            throw FaultSpecError(field: "body", message: "expected a JSON object of fault settings")
        }
        var result = self
        for key in object.keys.sorted() {
            let value: String
            switch object[key] {
            case let text as String: value = text
            case let number as NSNumber: value = number.stringValue
            default: throw FaultSpecError(field: key, message: "expected a number or a string")
            }
            try result.set(key, to: value)
        }
        return result
    }

    /// Sets one knob from its text, validating its range.
    public mutating func set(_ key: String, to value: String) throws(FaultSpecError) {
        switch key {
        case "latency_ms": latencyMilliseconds = try Self.range(value, field: key)
        case "error_503": error503 = try Self.probability(value, field: key)
        case "error_500": error500 = try Self.probability(value, field: key)
        case "drop_before_commit": dropBeforeCommit = try Self.probability(value, field: key)
        case "drop_after_commit": dropAfterCommit = try Self.probability(value, field: key)
        case "truncate_body": truncateBody = try Self.probability(value, field: key)
        case "storm_429": storm429 = try Self.probability(value, field: key)
        case "commit_lag_s":
            guard let seconds = Double(value), seconds >= 0, seconds <= 10 else {
                throw FaultSpecError(field: key, message: "expected seconds from 0 to 10, got '\(value)'")
            }
            commitLagSeconds = seconds
        case "writers":
            guard let count = Int(value), (0...64).contains(count) else {
                throw FaultSpecError(field: key, message: "expected a count from 0 to 64, got '\(value)'")
            }
            writers = count
        case "webhook_duplicate": webhookDuplicate = try Self.probability(value, field: key)
        case "webhook_fail": webhookFail = try Self.probability(value, field: key)
        case "webhook_shuffle_ms":
            guard let milliseconds = Int(value), (0...60_000).contains(milliseconds) else {
                throw FaultSpecError(field: key, message: "expected milliseconds from 0 to 60000, got '\(value)'")
            }
            webhookShuffleMilliseconds = milliseconds
        default:
            throw FaultSpecError(field: key, message: "unknown fault; known: \(Self.keys.joined(separator: ", "))")
        }
    }

    /// The settings as the JSON object `GET /_sandbox/faults` and stats show.
    public var dictionary: [String: Any] {
        [
            "latency_ms": "\(latencyMilliseconds.lowerBound)-\(latencyMilliseconds.upperBound)",
            "error_503": error503, "error_500": error500,
            "drop_before_commit": dropBeforeCommit, "drop_after_commit": dropAfterCommit,
            "truncate_body": truncateBody, "storm_429": storm429,
            "commit_lag_s": commitLagSeconds, "writers": writers,
            "webhook_duplicate": webhookDuplicate, "webhook_shuffle_ms": webhookShuffleMilliseconds,
            "webhook_fail": webhookFail,
        ]
    }

    private static func probability(_ text: String, field: String) throws(FaultSpecError) -> Double {
        guard let value = Double(text), value >= 0, value <= 1 else {
            throw FaultSpecError(field: field, message: "expected a probability from 0 to 1, got '\(text)'")
        }
        return value
    }

    /// `MIN-MAX` or a single `N` (meaning N-N), in whole milliseconds up to a minute.
    private static func range(_ text: String, field: String) throws(FaultSpecError) -> ClosedRange<Int> {
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        let low: Int?, high: Int?
        switch bounds.count {
        case 1: (low, high) = (bounds[0], bounds[0])
        case 2: (low, high) = (bounds[0], bounds[1])
        default: (low, high) = (nil, nil)
        }
        guard let low, let high, low >= 0, low <= high, high <= 60_000 else {
            throw FaultSpecError(field: field, message: "expected MIN-MAX milliseconds (0 to 60000), got '\(text)'")
        }
        return low...high
    }
}

/// A fault setting that could not be understood: which key, and what was wrong.
public struct FaultSpecError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let message: String

    public var description: String { "\(field): \(message)" }
}
