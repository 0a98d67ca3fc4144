import Console
import XCTest

final class CommandArgumentsTests: XCTestCase {
    private func parse(_ line: String) throws -> CommandArguments {
        try CommandArguments(CommandLineTokenizer.words(line))
    }

    private func usageError(_ line: String) -> UsageError? {
        do {
            _ = try parse(line)
            return nil
        } catch let error as UsageError {
            return error
        } catch {
            return nil
        }
    }

    func testPositionalsAndFieldsInOrder() throws {
        let arguments = try parse(#"ln_1 amount=1500.00 note="first part" extra"#)
        XCTAssertEqual(arguments.positionals, ["ln_1", "extra"])
        XCTAssertEqual(arguments.keys, ["amount", "note"])
        XCTAssertEqual(arguments["amount"], "1500.00")
        XCTAssertEqual(arguments["note"], "first part")
        XCTAssertNil(arguments["missing"])
    }

    func testNestedKeysAndEmptyValues() throws {
        let arguments = try parse("kyc.id_number=12345678 kyc.id_type=passport note=")
        XCTAssertEqual(arguments["kyc.id_number"], "12345678")
        XCTAssertEqual(arguments["note"], "")
        XCTAssertEqual(arguments.fields(under: "kyc").map(\.key), ["id_number", "id_type"])
    }

    func testDuplicateEmptyAndMalformedKeysAreErrors() {
        XCTAssertEqual(usageError("amount=1 amount=2"), .duplicateField("amount"))
        XCTAssertEqual(usageError("amount=1 amount=2")?.message, "field 'amount' given more than once")
        XCTAssertEqual(usageError("=5"), .emptyFieldName("=5"))
        XCTAssertEqual(usageError("=5")?.message, "field '=5' has no name before '='")
        XCTAssertEqual(usageError("kyc..id=1"), .invalidFieldName("kyc..id"))
        XCTAssertEqual(usageError("'a b'=1"), .invalidFieldName("a b"))
    }

    func testPlainStringsSplitAtTheFirstEquals() throws {
        let arguments = try CommandArguments(strings: ["x", "a=b=c"])
        XCTAssertEqual(arguments.positionals, ["x"])
        XCTAssertEqual(arguments["a"], "b=c")
    }
}
