import Foundation

/// The value rules of the contract, one function per kind of field, shared by server and agent.
///
/// Each rule returns the `FieldError` for `field`, or nil when the value is fine, so a body's
/// `validate()` is a list of rule calls and reports every failure at once.
/// Text lengths count Characters (what a person sees), not bytes.
public enum Validation {
    /// `first_name`, `last_name`: 1–100 characters (contract § Clients). Counted after trimming
    /// surrounding whitespace, so `"  "` is empty; the value itself is stored as sent (the agent
    /// trims what a person types before building a body).
    public static func name(_ value: String, field: String) -> FieldError? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return FieldError(field: field, message: "must not be empty", code: .required) }
        if trimmed.count > 100 { return FieldError(field: field, message: "must be at most 100 characters") }
        return nil
    }

    /// `phone`: E.164, a `+` then 8–15 digits, the first not zero (https://www.itu.int/rec/T-REC-E.164).
    public static func phone(_ value: String, field: String = "phone") -> FieldError? {
        let b = Array(value.utf8)
        let ok = b.count >= 9 && b.count <= 16 && b[0] == UInt8(ascii: "+") && b[1] != UInt8(ascii: "0")
            && b.dropFirst().allSatisfy(\.isASCIIDigit)
        return ok ? nil : FieldError(field: field, message: "must be an E.164 number such as +254712345678")
    }

    /// `email`, pragmatically: at most 254 characters, no whitespace, exactly one `@` with a
    /// non-empty local part before it and a domain with an inner dot after it.
    public static func email(_ value: String, field: String = "email") -> FieldError? {
        let invalid = FieldError(field: field, message: "must be an email address such as name@example.com")
        guard value.count <= 254, !value.unicodeScalars.contains(where: { $0.properties.isWhitespace })
        else { return invalid }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return invalid }
        let domain = parts[1]
        guard domain.contains("."), domain.first != ".", domain.last != ".", !domain.contains("..")
        else { return invalid }
        return nil
    }

    /// `address`: at most 500 characters (contract § Clients).
    public static func address(_ value: String, field: String = "address") -> FieldError? {
        value.count > 500 ? FieldError(field: field, message: "must be at most 500 characters") : nil
    }

    /// Short free-text labels (`branch_id`, `officer_id`, `product`, `kyc.id_number`, `reference`):
    /// 1–`max` characters, not only whitespace. The limits are ours; the contract gives none.
    public static func label(_ value: String, field: String, max: Int = 100) -> FieldError? {
        if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return FieldError(field: field, message: "must not be empty", code: .required)
        }
        return value.count > max ? FieldError(field: field, message: "must be at most \(max) characters") : nil
    }

    /// `external_id`: 1–255 printable ASCII characters (contract § Conventions).
    public static func externalID(_ value: String, field: String = "external_id") -> FieldError? {
        printableASCII(value) ? nil : FieldError(field: field, message: "must be 1 to 255 printable ASCII characters")
    }

    /// The `Idempotency-Key` header: 1–255 printable ASCII characters (contract § Idempotency).
    public static func idempotencyKey(_ value: String, field: String = "Idempotency-Key") -> FieldError? {
        printableASCII(value) ? nil : FieldError(field: field, message: "must be 1 to 255 printable ASCII characters")
    }

    /// Printable ASCII is 0x20 (space) through 0x7E, the usual meaning of the term.
    static func printableASCII(_ value: String) -> Bool {
        let b = value.utf8
        return (1...255).contains(b.count) && b.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
    }

    /// `amount`: minor units, greater than zero (the public error example: "Amount must be greater than zero").
    public static func positiveAmount(_ value: Int64, field: String = "amount") -> FieldError? {
        value > 0 ? nil : FieldError(field: field, message: "must be greater than zero")
    }

    /// `term_months`: 1–120 (contract § Loans).
    public static func termMonths(_ value: Int, field: String = "term_months") -> FieldError? {
        (1...120).contains(value) ? nil : FieldError(field: field, message: "must be between 1 and 120")
    }

    /// `interest_rate_bps`: 0–10000 (contract § Loans).
    public static func interestRateBps(_ value: Int, field: String = "interest_rate_bps") -> FieldError? {
        (0...10_000).contains(value) ? nil : FieldError(field: field, message: "must be between 0 and 10000")
    }

    /// `currency` of something new: a currency whose exponent we know (see `Currency`).
    public static func knownCurrency(_ value: Currency, field: String = "currency") -> FieldError? {
        value.isKnown ? nil : FieldError(field: field, message: "is not a supported currency")
    }

    /// `reason` of reject, write-off, reversal and KYC reject: not empty, at most 500 characters.
    public static func reason(_ value: String, field: String = "reason") -> FieldError? {
        label(value, field: field, max: 500)
    }

    /// A webhook `url`: absolute `http` or `https` with a host, at most 2048 characters.
    public static func webhookURL(_ value: String, field: String = "url") -> FieldError? {
        let invalid = FieldError(field: field, message: "must be an http or https URL")
        guard value.count <= 2048, let url = URL(string: value),
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty
        else { return invalid }
        return nil
    }

    /// A webhook's `events`: at least one (each one's vocabulary is checked when decoding).
    public static func events(_ value: [EventType], field: String = "events") -> FieldError? {
        value.isEmpty ? FieldError(field: field, message: "must name at least one event type", code: .required) : nil
    }
}
