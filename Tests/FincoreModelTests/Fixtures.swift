import XCTest
@testable import FincoreModel

/// Small `make…` fixtures shared by the JSON and request tests.
enum Fixtures {
    static let t0 = Timestamp(microsecondsSinceEpoch: 1_795_511_702_123_456)
    static let clientID = ClientID("cl_abc123")!
    static let loanID = LoanID("ln_def456")!

    static func makeClient() -> Client {
        Client(id: clientID, createdAt: t0, updatedAt: t0, firstName: "Wanjiru", lastName: "Kamau")
    }

    static func makeLoan() throws -> Loan {
        let pending = Loan(
            id: loanID, createdAt: t0, updatedAt: t0, clientID: clientID, principal: 100_000,
            currency: .kes, interestRateBps: 1850, termMonths: 7, branchID: "br_1", status: .approved)
        return try pending.disbursed(at: t0)
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try FincoreJSON.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws(FieldError) -> T {
        try FincoreJSON.decode(type, from: Data(text.utf8))
    }

    /// The field error of decoding `text` as `T`, or nil if it decoded.
    static func failure<T: Decodable>(_ type: T.Type, _ text: String) -> FieldError? {
        do {
            _ = try decode(type, text)
            return nil
        } catch {
            return error
        }
    }

    /// The errors of decoding and validating a request body, empty if it is accepted.
    static func requestErrors<T: RequestBody>(_ type: T.Type, _ text: String) -> [FieldError] {
        do {
            _ = try FincoreJSON.decodeRequest(type, from: Data(text.utf8))
            return []
        } catch {
            return error.errors
        }
    }
}
