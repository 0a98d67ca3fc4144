/// How many terminal cells text takes: 0 for combining marks, 2 for East Asian wide and emoji.
///
/// Terminals lay text out per grapheme cluster, so width is counted per `Character`: a cluster
/// takes the width of its first visible scalar, or 2 if it is shown as an emoji (Emoji
/// Presentation, or a VS16 `U+FE0F` selector). Wide ranges are a compact subset of Unicode
/// UAX #11's East_Asian_Width W/F (CJK, Hangul, kana, fullwidth forms), enough for names; the
/// standard library has no East_Asian_Width property.
public enum DisplayWidth {
    /// The cell width of a whole string.
    public static func of(_ text: String) -> Int {
        if let ascii = printableASCIICount(text) { return ascii }
        return text.reduce(0) { $0 + of($1) }
    }

    /// The length of `text` when it is all printable ASCII (one cell per byte), else nil.
    /// Most cells of a listing are ids, dates and amounts: this skips the per-character Unicode
    /// property lookups, which dominated drawing a 1,000-row table.
    static func printableASCIICount(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } ? bytes.count : nil
        }
    }

    /// The cell width of one grapheme cluster: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            if scalar == "\u{FE0F}" || scalar.properties.isEmojiPresentation { return 2 }
            if width == 0 { width = of(scalar) }
        }
        return width
    }

    /// The cell width of one scalar out of context.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        return isWide(scalar.value) ? 2 : 1
    }

    /// The longest prefix of `text` that fits in `width` cells, with `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }
        if printableASCIICount(text) != nil { return String(decoding: text.utf8.prefix(width - 1), as: UTF8.self) + "…" }
        var result = ""
        var used = 0
        for character in text {
            let cells = of(character)
            if used + cells > width - 1 { break }
            result.append(character)
            used += cells
        }
        return result + "…"
    }

    /// `text` padded with spaces to `width` cells, on the left when `right` is set.
    public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - of(text)))
        return right ? padding + text : text + padding
    }

    /// Ranges of East_Asian_Width W and F (UAX #11), coarsened; sorted for the binary search.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initial consonants
        0x2E80...0x303E,   // CJK radicals, Kangxi, CJK symbols and punctuation
        0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
        0x3400...0x4DBF,   // CJK Extension A
        0x4E00...0x9FFF,   // CJK Unified Ideographs
        0xA000...0xA4CF,   // Yi
        0xA960...0xA97F,   // Hangul Jamo Extended-A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE10...0xFE19,   // vertical forms
        0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
        0xFF00...0xFF60,   // fullwidth forms
        0xFFE0...0xFFE6,   // fullwidth signs
        0x1F300...0x1F64F, // pictographs, emoticons
        0x1F900...0x1F9FF, // supplemental symbols and pictographs
        0x20000...0x2FFFD, // CJK Extensions B–F
        0x30000...0x3FFFD, // CJK Extension G and later
    ]

    private static func isWide(_ value: UInt32) -> Bool {
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
