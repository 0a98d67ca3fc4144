/// Comparisons whose running time does not depend on where two secrets differ.
///
/// An early exit on the first differing byte lets an attacker learn a MAC byte by byte from response
/// times; these examine every byte and combine the differences with OR.
public enum ConstantTime {
    /// Whether `a` and `b` are equal. A length mismatch is folded into the result and every position
    /// up to the longer length is still visited, so only the lengths (which are public) affect timing.
    public static func equals(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        let left = Array(a)
        let right = Array(b)
        var difference = UInt64(truncatingIfNeeded: left.count ^ right.count)
        for index in 0..<max(left.count, right.count) {
            let x = index < left.count ? left[index] : 0
            let y = index < right.count ? right[index] : 0
            difference |= UInt64(x ^ y)
        }
        return difference == 0
    }

    /// Whether two hex strings name the same bytes, ignoring letter case; compared in constant time.
    public static func equalsHex(_ a: String, _ b: String) -> Bool {
        equals(a.lowercased().utf8, b.lowercased().utf8)
    }
}
