import Foundation

/// A Fincore API key, held so that it can be sent but never shown.
///
/// The public documentation says keys are secrets. Every way Swift has of printing a value
/// (`description`, `debugDescription`, `dump`'s mirror, string interpolation) shows only the
/// key's kind prefix (`sk_test_…`), and the type is not `Codable`, so it cannot end up in a
/// JSON log by accident. The secret leaves this type only as an `Authorization` header value.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let secret: String

    /// A key from its text (surrounding whitespace dropped); nil if empty or not header-safe.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            return nil
        }
        secret = trimmed
    }

    /// The `Authorization` header's value (contract: every request carries `Bearer <API key>`).
    var authorizationValue: String { "Bearer " + secret }

    /// The key's kind, never its secret part: `sk_test_…`, `sk_…`, or `…` when it has no
    /// prefix short enough to be only a kind (at most 8 characters and half the key).
    public var description: String {
        guard let cut = secret.lastIndex(of: "_") else { return "…(redacted)" }
        let prefix = secret[...cut]
        guard prefix.count <= 8, prefix.count * 2 <= secret.count else { return "…(redacted)" }
        return prefix + "…(redacted)"
    }

    public var debugDescription: String { "APIKey(\(description))" }

    public var customMirror: Mirror { Mirror(self, children: ["key": description]) }

    /// Whether `text` contains this key: for tests that scan output for a leak.
    public func occurs(in text: String) -> Bool { text.contains(secret) }
}
