import FincoreModel

/// A fast JSON writer for the `doc` column, byte for byte what `FincoreJSON.encoder()` writes.
///
/// Seeding a million payments through `JSONEncoder` costs most of the seeding time, so the demo
/// writes its documents by hand: keys in the byte order `.sortedKeys` gives, no whitespace,
/// `/` unescaped (`.withoutEscapingSlashes`), and Foundation's escapes (`\"`, `\\`, `\b`, `\f`,
/// `\n`, `\r`, `\t`, `\u00xx` for other control characters). `DemoSeederTests` checks every
/// type against `FincoreJSON`.
struct DocumentWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the next key or array element needs a comma before it.
    private var needsComma = false

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// Empties the buffer, keeping its storage for the next document.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = false
    }

    // MARK: Structure

    mutating func beginObject() {
        comma()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray() {
        comma()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// `"name":`; the callers write keys in sorted order themselves.
    mutating func key(_ name: StaticString) {
        comma()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    // MARK: Values

    mutating func null() {
        comma()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])  // null
        needsComma = true
    }

    mutating func string(_ text: String) {
        comma()
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    mutating func string(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    mutating func integer(_ value: Int64) {
        comma()
        if value < 0 {
            // Int64.min has no positive counterpart; demo data never has negatives anyway.
            bytes.append(contentsOf: String(value).utf8)
        } else {
            digits(UInt64(value), width: 1)
        }
        needsComma = true
    }

    mutating func integer(_ value: Int) {
        integer(Int64(value))
    }

    /// A timestamp as `Timestamp.description` writes it: `2026-11-24T09:15:02.123456Z`.
    mutating func timestamp(_ value: Timestamp) {
        let perDay = Int64(86_400_000_000)
        let date = CivilDate(value)
        guard (0...9999).contains(date.year) else { return string(value.description) }
        comma()
        bytes.append(UInt8(ascii: "\""))
        writeDate(date)
        let micros = value.microsecondsSinceEpoch - date.daysSinceEpoch * perDay
        let seconds = micros / 1_000_000
        bytes.append(UInt8(ascii: "T"))
        digits(UInt64(seconds / 3600), width: 2)
        bytes.append(UInt8(ascii: ":"))
        digits(UInt64(seconds / 60 % 60), width: 2)
        bytes.append(UInt8(ascii: ":"))
        digits(UInt64(seconds % 60), width: 2)
        bytes.append(UInt8(ascii: "."))
        digits(UInt64(micros % 1_000_000), width: 6)
        bytes.append(UInt8(ascii: "Z"))
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    mutating func timestamp(_ value: Timestamp?) {
        if let value { timestamp(value) } else { null() }
    }

    /// A date as `CivilDate.description` writes it: `2026-12-24`.
    mutating func date(_ value: CivilDate) {
        guard (0...9999).contains(value.year) else { return string(value.description) }
        comma()
        bytes.append(UInt8(ascii: "\""))
        writeDate(value)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    mutating func date(_ value: CivilDate?) {
        if let value { date(value) } else { null() }
    }

    // MARK: Pieces

    private mutating func comma() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func writeDate(_ date: CivilDate) {
        digits(UInt64(date.year), width: 4)
        bytes.append(UInt8(ascii: "-"))
        digits(UInt64(date.month), width: 2)
        bytes.append(UInt8(ascii: "-"))
        digits(UInt64(date.day), width: 2)
    }

    /// `value` in decimal, left-padded with zeros to `width`.
    private mutating func digits(_ value: UInt64, width: Int) {
        var scratch: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { buffer in
            var count = 0
            var rest = value
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0 || count < width
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
