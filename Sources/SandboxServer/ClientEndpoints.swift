import FincoreModel
import Foundation

/// `/v1/clients` and KYC decisions (contract § Clients).
enum ClientEndpoints {
    static let filters = [
        ListQuery.Filter("branch_id"), ListQuery.Filter("officer_id"),
        ListQuery.Filter("status", allowed: ClientStatus.allCases.map(\.rawValue)),
    ]

    static var routes: [SandboxRoute] {
        [
            SandboxRoute(.get, "/v1/clients", .read) { request, tx in
                try list(Client.self, filters: filters, request, tx)
            },
            SandboxRoute(.post, "/v1/clients", .write, create),
            SandboxRoute(.get, "/v1/clients/{id}", .read) { request, tx in
                try show(Client.self, request, tx)
            },
            SandboxRoute(.patch, "/v1/clients/{id}", .write, patch),
            SandboxRoute(.delete, "/v1/clients/{id}", .write, delete),
            SandboxRoute(.post, "/v1/clients/{id}/kyc/verify", .write, verify),
            SandboxRoute(.post, "/v1/clients/{id}/kyc/reject", .write, reject),
        ]
    }

    static func create(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        try refuseTakenExternalID(Client.self, request, tx)
        let body = try request.decode(NewClient.self)
        let client = body.makeClient(id: .generate(), at: tx.stamp)
        return .object(try tx.insert(client), version: client.version, status: .created)
    }

    static func patch(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        let (current, json) = try existing(Client.self, request, tx)
        try request.checkIfMatch(version: current.version, current: json)
        let body = try request.decode(ClientPatch.self)
        var client = body.applied(to: current)
        let doc = try tx.update(&client)
        if client.branchID != current.branchID || client.officerID != current.officerID {
            try moveDependents(of: client, tx)
        }
        return .object(doc, version: client.version)
    }

    static func delete(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        let (client, json) = try existing(Client.self, request, tx)
        try request.checkIfMatch(version: client.version, current: json)
        guard try tx.objects(Loan.self, where: "client_id", equals: client.id.rawValue).isEmpty else {
            throw APIFailure.invalidState("A client with loans cannot be deleted")
        }
        for link in try tx.objects(PaymentLink.self, where: "client_id", equals: client.id.rawValue) {
            try tx.delete(link)
        }
        try tx.delete(client)
        return .noContent
    }

    static func verify(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        let (current, json) = try existing(Client.self, request, tx)
        try request.checkIfMatch(version: current.version, current: json)
        guard current.kyc.status == .pending else {
            throw APIFailure.invalidState("KYC is \(current.kyc.status.rawValue); only pending KYC can be verified")
        }
        let missing = current.kyc.verificationErrors()
        if !missing.isEmpty { throw APIFailure.invalidRequest(missing) }
        var client: Client
        do {
            client = try current.verifyingKYC(at: tx.stamp)
        } catch {
            throw APIFailure(error)
        }
        return .object(try tx.update(&client), version: client.version)
    }

    static func reject(_ request: SandboxRequest, _ tx: StoreTransaction) throws -> SandboxReply {
        let (current, json) = try existing(Client.self, request, tx)
        try request.checkIfMatch(version: current.version, current: json)
        guard current.kyc.status == .pending else {
            throw APIFailure.invalidState("KYC is \(current.kyc.status.rawValue); only pending KYC can be rejected")
        }
        let body = try request.decode(ReasonBody.self)
        var client: Client
        do {
            client = try current.rejectingKYC(reason: body.reason)
        } catch {
            throw APIFailure(error)
        }
        return .object(try tx.update(&client), version: client.version)
    }

    /// A client's loans, payments and links follow it to its new branch or officer in the same
    /// commit, each with a new version, so an incremental listing shows every object that moved.
    static func moveDependents(of client: Client, _ tx: StoreTransaction) throws {
        let id = client.id.rawValue
        for var loan in try tx.objects(Loan.self, where: "client_id", equals: id) {
            loan.branchID = client.branchID
            loan.officerID = client.officerID
            try tx.update(&loan)
        }
        for var payment in try tx.objects(Payment.self, where: "client_id", equals: id) {
            payment.branchID = client.branchID
            payment.officerID = client.officerID
            try tx.update(&payment)
        }
        for var link in try tx.objects(PaymentLink.self, where: "client_id", equals: id) {
            link.branchID = client.branchID
            link.officerID = client.officerID
            try tx.update(&link)
        }
    }
}
