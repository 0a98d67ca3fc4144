import XCTest

// Placeholder until the first real tests land; delete when adding them.
final class PlaceholderTests: XCTestCase {
    func testNothingYet() {}
}
