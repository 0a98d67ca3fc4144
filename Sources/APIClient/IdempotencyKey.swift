import Foundation

/// The `Idempotency-Key` of one logical request, the same on every retry of it.
///
/// Contract (Idempotency): 1 to 255 printable ASCII characters; the server stores the answer
/// under the key for at least 24 hours, so a retry after a timeout gets the first answer
/// (`Idempotent-Replayed: true`) instead of executing twice. The outbox gives its own stable
/// key per pending write; otherwise the client makes one per call.
public struct IdempotencyKey: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    /// A key from text; nil unless 1–255 printable ASCII characters (no spaces at the ends,
    /// which an HTTP header would lose).
    public init?(_ text: String) {
        guard (1...255).contains(text.utf8.count),
              text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }),
              text.first != " ", text.last != " "
        else { return nil }
        rawValue = text
    }

    /// A fresh random key (a UUID: 122 random bits, so two agents never collide).
    public static func generate() -> IdempotencyKey {
        IdempotencyKey(uncheckedRawValue: UUID().uuidString.lowercased())
    }

    private init(uncheckedRawValue: String) { rawValue = uncheckedRawValue }

    public var description: String { rawValue }
}
