import Console
import XCTest

final class ExitStatusTests: XCTestCase {
    /// Scripts rely on these numbers; a renumbering must fail a test.
    func testDocumentedNumbersAreStable() {
        XCTAssertEqual(ExitStatus.allCases.map(\.rawValue), [0, 1, 2, 3, 4, 5, 6, 70])
        XCTAssertEqual(Set(ExitStatus.allCases.map(\.rawValue)).count, ExitStatus.allCases.count)
    }

    func testHelpTableListsEveryStatus() {
        let table = HelpFormatter.exitStatuses()
        for status in ExitStatus.allCases {
            XCTAssertTrue(table.contains(status.meaning), "\(status) missing from the help table")
        }
    }
}
