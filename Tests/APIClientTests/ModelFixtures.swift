import APIClient
import FincoreModel
import Foundation

/// Small model objects and their JSON for the typed-call tests.
enum ModelFixtures {
    static let t0 = Timestamp(microsecondsSinceEpoch: 1_795_511_702_123_456)
    static let clientID = ClientID("cl_abc123")!  // literals known to be valid ids
    static let loanID = LoanID("ln_def456")!
    static let paymentID = PaymentID("py_ghi789")!

    static func client(version: Int = 1) -> Client {
        var client = Client(id: clientID, createdAt: t0, updatedAt: t0, firstName: "Wanjiru", lastName: "Kamau")
        client.version = version
        return client
    }

    static func payment() -> Payment {
        Payment(id: paymentID, externalID: "field-7", createdAt: t0, updatedAt: t0, type: .repayment, loanID: loanID,
                clientID: clientID, amount: 450_000, currency: .kes, method: .cash, status: .succeeded)
    }

    static func json<T: Encodable>(_ value: T) -> String {
        (try? FincoreJSON.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    /// A list page body with `items` (already JSON) and its meta.
    static func page(_ items: [String], total: Int, limit: Int, offset: Int) -> String {
        #"{"data":[\#(items.joined(separator: ","))],"meta":{"total":\#(total),"limit":\#(limit),"offset":\#(offset)}}"#
    }

    static let tombstone = #"{"id":"cl_gone1","object":"client","deleted":true,"updated_at":"2026-11-24T09:15:02.123456Z"}"#
}
