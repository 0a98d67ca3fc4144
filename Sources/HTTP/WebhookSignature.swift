import Foundation

/// The `Fincore-Signature` webhook header: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`
/// (fincore-api.md, "Webhooks"), made by the sender and checked by the receiver.
public enum WebhookSignature {
    public static let headerName = "Fincore-Signature"
    /// Receivers reject a `t` more than this many seconds from now (the contract's 300 s), which
    /// bounds how long a captured delivery can be replayed.
    public static let defaultTolerance: Int64 = 300

    /// Why a signature was refused: data, so a receiver can log the reason and answer 400.
    public enum Failure: Error, Sendable, Equatable {
        case missingHeader
        /// No `t`, a non-numeric `t`, or no `v1` that is 64 hex digits.
        case malformedHeader
        /// The signature is right but `t` is too far from `now`.
        case timestampOutOfTolerance(timestamp: Int64, now: Int64)
        case signatureMismatch
    }

    /// The header value for a delivery of `body` signed at `timestamp`.
    public static func header(secret: String, body: some Sequence<UInt8>, timestamp: Int64) -> String {
        "t=\(timestamp),v1=\(Hex.encode(signature(secret: secret, body: body, timestamp: timestamp)))"
    }

    /// Checks `header` against the raw body; the signed timestamp on success.
    ///
    /// Every `v1` entry is compared in constant time (a sender may sign with an old and a new secret
    /// while rotating); the time check comes after, so a forged header learns nothing about the clock.
    public static func verify(
        header: String?, body: some Sequence<UInt8>, secret: String,
        now: Int64 = Int64(Date().timeIntervalSince1970), tolerance: Int64 = defaultTolerance
    ) -> Result<Int64, Failure> {
        guard let header else { return .failure(.missingHeader) }
        var timestamp: Int64?
        var candidates: [String] = []
        for element in header.split(separator: ",") {
            let pair = element.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { return .failure(.malformedHeader) }
            switch pair[0] {
            case "t":
                guard timestamp == nil, !pair[1].isEmpty, pair[1].utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                    let value = Int64(pair[1])
                else { return .failure(.malformedHeader) }
                timestamp = value
            case "v1":
                if pair[1].utf8.count == 64, Hex.decode(pair[1]) != nil { candidates.append(pair[1]) }
            default:
                continue  // Unknown schemes (a future v2) are ignored, as signature headers usually do.
            }
        }
        guard let timestamp, !candidates.isEmpty else { return .failure(.malformedHeader) }
        let expected = Hex.encode(signature(secret: secret, body: body, timestamp: timestamp))
        var matched = false
        for candidate in candidates {
            matched = ConstantTime.equalsHex(candidate, expected) || matched
        }
        guard matched else { return .failure(.signatureMismatch) }
        guard abs(now - timestamp) <= tolerance else {
            return .failure(.timestampOutOfTolerance(timestamp: timestamp, now: now))
        }
        return .success(timestamp)
    }

    /// HMAC-SHA256(secret, "<t>.<raw body>").
    static func signature(secret: String, body: some Sequence<UInt8>, timestamp: Int64) -> [UInt8] {
        var mac = HMAC(key: secret)
        mac.update(Array("\(timestamp).".utf8))
        mac.update(body)
        return mac.finalize()
    }
}
