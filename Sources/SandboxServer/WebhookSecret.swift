/// Makes webhook signing secrets: `whsec_` and 32 base-62 characters from the system generator
/// (about 190 bits), never from the seeded one, so a seed reveals no secret.
enum WebhookSecret {
    static let prefix = "whsec_"

    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        var secret = prefix
        for _ in 0..<32 {
            secret.append(alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))])
        }
        return secret
    }
}
