import Console
import XCTest

final class NearestMatchTests: XCTestCase {
    func testEditDistance() {
        XCTAssertEqual(NearestMatch.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(NearestMatch.editDistance("", "abc"), 3)
        XCTAssertEqual(NearestMatch.editDistance("same", "same"), 0)
        XCTAssertEqual(NearestMatch.editDistance("Wanjikū", "Wanjiku"), 1)
        XCTAssertEqual(NearestMatch.editDistance("lona", "loan"), 1)
        XCTAssertEqual(NearestMatch.editDistance("ca", "abc"), 3)
    }

    func testSuggestsOnlyPlausibleTypos() {
        XCTAssertEqual(NearestMatch.find("sandbx", among: ["sandbox", "login", "wipe"]), "sandbox")
        XCTAssertEqual(NearestMatch.find("LOGIN", among: ["sandbox", "login"]), "login")
        XCTAssertNil(NearestMatch.find("xyz", among: ["sandbox", "login", "wipe"]))
        XCTAssertNil(NearestMatch.find("anything", among: []))
    }
}
