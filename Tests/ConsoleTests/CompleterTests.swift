import Console
import XCTest

final class CompleterTests: XCTestCase {
    private let completer = Completer(specs: [CommandTable<RecordingContext>.helpSpec] + Fixtures.specs) { kind, prefix in
        // Clients match by id or by name; the provider returns ids either way.
        let clients = [("cl_100", "Wanjikū Kamau"), ("cl_200", "Wang Wei"), ("cl_300", "李小龍")]
        switch kind {
        case .clientID:
            return clients.filter { $0.0.hasPrefix(prefix) || $0.1.lowercased().hasPrefix(prefix.lowercased()) }.map(\.0)
        case .loanID:
            return ["ln_1", "ln_2"].filter { $0.hasPrefix(prefix) }
        default:
            return []
        }
    }

    func testFirstWordsAreCommands() {
        XCTAssertEqual(completer.complete(""), ["client", "help", "loan", "sync"])
        XCTAssertEqual(completer.complete("lo"), ["loan"])
        XCTAssertEqual(completer.complete("loan "), ["approve", "repay"])
        XCTAssertEqual(completer.complete("loan ap"), ["approve"])
        XCTAssertEqual(completer.complete("x"), [])
    }

    func testCommandThatAlsoHasSubcommandsOffersBoth() {
        XCTAssertEqual(completer.complete("sync "), ["plan"])
        XCTAssertEqual(completer.complete("sync p"), ["plan"])
    }

    func testFieldNamesEndWithEqualsAndSkipThoseGiven() {
        XCTAssertEqual(completer.complete("client add "), ["name=", "phone=", "kyc.id_number="])
        XCTAssertEqual(completer.complete("client add name=X p"), ["phone="])
        XCTAssertEqual(completer.complete("client add k"), ["kyc.id_number="])
        XCTAssertEqual(completer.complete("loan repay ln_1 amount=5 "), ["method=", "on=", "client="])
    }

    func testEnumValuesComplete() {
        XCTAssertEqual(completer.complete("loan repay ln_1 method=mo"), ["method=mobile_money"])
        XCTAssertEqual(completer.complete("loan repay ln_1 method="),
                       ["method=mobile_money", "method=bank_transfer", "method=cash"])
        XCTAssertEqual(completer.complete("loan repay ln_1 nosuch=x"), [])
    }

    func testIdsComeFromTheProviderIncludingByName() {
        XCTAssertEqual(completer.complete("client show "), ["cl_100", "cl_200", "cl_300"])
        XCTAssertEqual(completer.complete("client show wanj"), ["cl_100"])
        XCTAssertEqual(completer.complete("client show 李"), ["cl_300"])
        XCTAssertEqual(completer.complete("loan repay "), ["ln_1", "ln_2", "amount=", "method=", "on=", "client="])
        XCTAssertEqual(completer.complete("loan repay ln_1 a"), ["amount="])
        XCTAssertEqual(completer.complete("loan repay ln_1 client=Wang"), ["client=cl_200"])
    }

    func testHelpCompletesCommandsAndSemicolonStartsOver() {
        XCTAssertEqual(completer.complete("help lo"), ["loan"])
        XCTAssertEqual(completer.complete("help loan r"), ["repay"])
        XCTAssertEqual(completer.complete("sync; lo"), ["loan"])
    }

    func testCursorInTheMiddleCompletesTheWordBeforeIt() {
        XCTAssertEqual(completer.complete(line: "loan ap ln_1", cursor: 7), ["approve"])
    }

    func testUnterminatedQuoteBeforeTheWordCompletesNothing() {
        XCTAssertEqual(completer.complete("client add name=\"Wan "), [])
    }
}
