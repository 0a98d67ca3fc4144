/// Decides which typed lines must never reach the history list or the history file.
///
/// The rule errs on the side of forgetting: a line is secret when, ignoring case, it
/// - mentions `login`, `secret`, `token`, `password`, `passwd`, `bearer` or `authorization`;
/// - mentions an API key at all: `api_key`, `apikey`, `api-key`, or any `key=` field;
/// - holds something shaped like a key: `sk_…`, `rk_…`, `pk_…` or `whsec_…` starting a word
///   (after a space, `=`, a quote, …) and followed by at least one letter or digit.
/// Forgetting a harmless line costs an up-arrow; remembering a key leaks it into a 0600 file
/// that backups copy. `risk_level=high` is not a key: `sk_` must start a word.
public enum HistoryFilter {
    private static let words = ["login", "secret", "token", "password", "passwd", "bearer", "authorization",
                                "api_key", "apikey", "api-key", "key="]
    private static let keyPrefixes = ["sk_", "rk_", "pk_", "whsec_"]

    public static func isSecret(_ line: String) -> Bool {
        let lower = line.lowercased()
        if words.contains(where: lower.contains) { return true }
        let scalars = Array(lower.unicodeScalars)
        for start in scalars.indices where start == 0 || !isWordScalar(scalars[start - 1]) {
            for prefix in keyPrefixes {
                let end = start + prefix.unicodeScalars.count
                guard end < scalars.count, scalars[start..<end].elementsEqual(prefix.unicodeScalars),
                      isAlphanumeric(scalars[end]) else { continue }
                return true
            }
        }
        return false
    }

    /// True for what can be part of a word in a key: a letter, a digit or `_`.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || isAlphanumeric(scalar)
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// True when a line should be remembered: not blank, not secret.
    public static func shouldRemember(_ line: String) -> Bool {
        !line.allSatisfy(\.isWhitespace) && !isSecret(line)
    }
}
