import Console
import XCTest

final class CommandLineTokenizerTests: XCTestCase {
    private func texts(_ line: String) throws -> [[String]] {
        try CommandLineTokenizer.commands(line).map { $0.map(\.text) }
    }

    private func error(_ line: String) -> TokenizerError? {
        do {
            _ = try CommandLineTokenizer.commands(line)
            return nil
        } catch {
            return error
        }
    }

    func testWhitespaceSeparatesAndTabsCount() throws {
        XCTAssertEqual(try texts("  loan   approve\tln_1  "), [["loan", "approve", "ln_1"]])
        XCTAssertEqual(try texts(""), [])
        XCTAssertEqual(try texts("   \t "), [])
    }

    func testQuotesJoinIntoOneWordAndKeyValueStaysWhole() throws {
        let words = try CommandLineTokenizer.words(#"client add name="Wanjikū Kamau" phone='+254 700'"#)
        XCTAssertEqual(words.map(\.text), ["client", "add", "name=Wanjikū Kamau", "phone=+254 700"])
        XCTAssertEqual(words[2].key, "name")
        XCTAssertEqual(words[2].value, "Wanjikū Kamau")
        XCTAssertEqual(words[2].column, 12)
        XCTAssertEqual(words[3].value, "+254 700")
    }

    func testQuotedEqualsIsAPositionalButUnquotedSplits() throws {
        let words = try CommandLineTokenizer.words(#"note "a=b" x=y=z a\=b"#)
        XCTAssertNil(words[1].key)
        XCTAssertEqual(words[1].text, "a=b")
        XCTAssertEqual(words[2].key, "x")
        XCTAssertEqual(words[2].value, "y=z")
        XCTAssertNil(words[3].key)
        XCTAssertEqual(words[3].text, "a=b")
    }

    func testSingleQuotesAreLiteralAndDoubleQuotesHonourTwoEscapes() throws {
        XCTAssertEqual(try texts(#"'a\"b' "c\"d" "e\\f" "g\nh""#), [[#"a\"b"#, #"c"d"#, #"e\f"#, #"g\nh"#]])
        XCTAssertEqual(try texts(#"it\'s a\ b"#), [["it's", "a b"]])
        XCTAssertEqual(try texts(#"'' """#), [["", ""]])
    }

    func testUnicodeSurvivesUntouched() throws {
        XCTAssertEqual(try texts("client find 李小龍 name=Zoë🙂 e\u{301}"), [["client", "find", "李小龍", "name=Zoë🙂", "e\u{301}"]])
    }

    func testSemicolonSeparatesCommandsUnlessQuoted() throws {
        XCTAssertEqual(try texts("sync; loan list ;; status"), [["sync"], ["loan", "list"], ["status"]])
        XCTAssertEqual(try texts(#"note text="a; b" c\;d"#), [["note", "text=a; b", "c;d"]])
    }

    func testHashStartsACommentOnlyAtAWordStart() throws {
        XCTAssertEqual(try texts("# a whole comment"), [])
        XCTAssertEqual(try texts("sync # pull first; then push"), [["sync"]])
        XCTAssertEqual(try texts("note ref=#12 a#b '#x' \\#y"), [["note", "ref=#12", "a#b", "#x", "#y"]])
    }

    func testUnterminatedQuotesAndTrailingBackslashGiveTheirColumn() {
        XCTAssertEqual(error(#"client add name="Wanjikū"#), .unterminatedQuote("\"", column: 17))
        XCTAssertEqual(error("note 'abc"), .unterminatedQuote("'", column: 6))
        XCTAssertEqual(error(#"note abc\"#), .trailingBackslash(column: 9))
        XCTAssertEqual(error(#"client add name="Wanjikū"#)?.message, "unterminated \" quote opened at column 17")
        XCTAssertEqual(error(#"note abc\"#)?.message, "trailing backslash at column 9 escapes nothing")
    }

    func testBinaryGarbageIsRefusedWithAClearError() {
        XCTAssertEqual(error("sync\u{0}x"), .nulByte(column: 5))
        XCTAssertEqual(error("sync\u{0}x")?.message, "NUL byte at column 5; is this a binary file?")
        let invalid = String(decoding: [0x73, 0x79, 0xFF, 0x6E], as: UTF8.self)
        XCTAssertEqual(error(invalid), .invalidEncoding(column: 3))
        XCTAssertEqual(error(invalid)?.message, "invalid UTF-8 at column 3")
        XCTAssertEqual(error("sync \u{1B}[2J"), .controlCharacter(0x1B, column: 6))
        XCTAssertEqual(error("sync \u{1B}[2J")?.message, "control character U+001B at column 6")
        XCTAssertEqual(error("a\rb"), .controlCharacter(0x0D, column: 2))
        XCTAssertEqual(error("'quoted \u{7}'"), .controlCharacter(0x07, column: 9))
        // Garbage after a comment never matters: the comment ends the line.
        XCTAssertNil(error("sync # \u{1B}"))
    }

    func testRandomBytesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = try? CommandLineTokenizer.commands(String(decoding: bytes, as: UTF8.self))
        }
    }
}
