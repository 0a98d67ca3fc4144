import XCTest
@testable import FincoreModel

/// Decoding failures name the JSON path of the field (`kyc.id_number`, `schedule[2].paid`).
final class JSONErrorPathTests: XCTestCase {
    private func loanJSON(editing edit: (inout [String: JSONValue]) -> Void) throws -> String {
        var object: [String: JSONValue] = try {
            guard case .object(let o) = try JSONValue(encoding: try Fixtures.makeLoan()) else { return [:] }
            return o
        }()
        edit(&object)
        return try Fixtures.json(JSONValue.object(object))
    }

    func testNestedPaths() throws {
        let mistyped = #"{"id":"cl_1","object":"client","created_at":"2026-11-24T09:15:02Z","updated_at":"2026-11-24T09:15:02Z","version":1,"first_name":"A","last_name":"B","status":"active","kyc":{"status":"pending","id_number":5}}"#
        XCTAssertEqual(Fixtures.failure(Client.self, mistyped),
                       FieldError(field: "kyc.id_number", message: "must be a string", code: .invalidType))

        let missingPaid = try loanJSON { o in
            if case .array(var items)? = o["schedule"], case .object(var third) = items[2] {
                third["paid"] = nil
                items[2] = .object(third)
                o["schedule"] = .array(items)
            }
        }
        XCTAssertEqual(Fixtures.failure(Loan.self, missingPaid),
                       FieldError(field: "schedule[2].paid", message: "is required", code: .required))
    }

    func testTopLevelProblems() throws {
        let cases: [(edit: (inout [String: JSONValue]) -> Void, field: String, message: String)] = [
            ({ $0["status"] = .string("sleeping") }, "status",
             #"unknown value "sleeping"; expected one of: pending, approved, rejected, withdrawn, active, closed, written_off"#),
            ({ $0["id"] = .string("cl_1") }, "id", "must be a loan id starting with ln_"),
            ({ $0["balance"] = .number(1.5) }, "balance", "must be an integer in range"),
            ({ $0["balance"] = .string("5") }, "balance", "must be an integer"),
            ({ $0["principal"] = .null }, "principal", "must not be null"),
            ({ $0["currency"] = .string("kes") }, "currency", "must be an ISO 4217 code of three uppercase letters"),
            ({ $0["created_at"] = .string("yesterday") }, "created_at", Timestamp.invalidMessage),
            ({ $0["object"] = .string("client") }, "object", #"must be "loan""#),
            ({ $0["version"] = nil }, "version", "is required"),
        ]
        for c in cases {
            let error = Fixtures.failure(Loan.self, try loanJSON(editing: c.edit))
            XCTAssertEqual(error?.field, c.field)
            XCTAssertEqual(error?.message, c.message, c.field)
        }
    }

    func testSyntaxErrorHasNoField() {
        XCTAssertEqual(Fixtures.failure(Client.self, "{nope")?.field, "")
        XCTAssertEqual(Fixtures.failure(Client.self, "[]")?.code, .invalidType)
    }

    func testIDsCheckPrefixes() {
        XCTAssertNotNil(ClientID("cl_abc-DEF_9"))
        for bad in ["ln_abc", "cl_", "cl", "CL_abc", "cl_a b", "cl_é"] {
            XCTAssertNil(ClientID(bad), bad)
        }
        XCTAssertThrowsError(try LoanID.parse("cl_1", field: "loan_id")) {
            XCTAssertEqual(($0 as? FieldError)?.field, "loan_id")
        }
        for type in ObjectType.allCases {
            XCTAssertTrue(type.isValidID(type.idPrefix + "x"))
        }
        let id = PaymentLinkID.generate()
        XCTAssertTrue(id.rawValue.hasPrefix("pl_"))
        XCTAssertEqual(id.rawValue.count, 27)
        XCTAssertNotEqual(id, PaymentLinkID.generate())
        XCTAssertLessThan(ClientID("cl_A")!, ClientID("cl_a")!)
    }
}
