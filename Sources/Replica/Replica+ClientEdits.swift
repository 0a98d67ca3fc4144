import FincoreModel
import SQLite

/// Offline edits of clients: each is checked against the local view, then written together with
/// its outbox entry in one transaction, or refused with every problem and nothing written.
extension Replica {
    /// Registers a client offline: a local id, an `external_id` (generated unless given), KYC `pending`.
    public func createClient(_ body: NewClient) throws -> Saved<Client> {
        let now = clock()
        var body = body
        if body.externalID == nil { body.externalID = LocalID.makeExternalID() }
        var check = EditCheck()
        check.add(body.validate())
        try check.throwIfRefused("new client")
        guard let id = LocalID.generate(ClientKind.self) else {
            throw ReplicaError(.invalidObject, "could not make a local client id")
        }
        return try transaction { db in
            let draft = EntryDraft(kind: .createClient, objectID: id.rawValue, clientID: id.rawValue,
                                   body: try JSONStore.text(body))
            let seq = try OutboxStore.enqueue(db, draft, at: now)
            return Saved(value: try rebuiltClient(db, id.rawValue), seq: seq)
        }
    }

    /// Changes a client's fields; a second edit before the push merges into the first.
    public func editClient(_ id: ClientID, _ patch: ClientPatch) throws -> Saved<Client> {
        let now = clock()
        return try transaction { db in
            let id = try Aliases.resolve(db, id.rawValue)
            guard try ViewStore.client(db, id) != nil else { throw ReplicaError.notFound(.client, id) }
            var check = EditCheck()
            check.add(patch.validate())
            if patch == ClientPatch() { check.add(FieldError(field: "", message: "nothing to change", code: .required)) }
            try check.throwIfRefused("client edit")
            let seq: Int64
            if let last = try OutboxStore.latestUnfinished(db, touching: id), last.state == .pending,
               last.kind == .editClient || last.kind == .createClient {
                // Not sent yet: fold this edit into it. The later value wins, and the entry keeps
                // the base version it was made against, so a conflict is still detected.
                let merged = last.kind == .editClient
                    ? try JSONStore.text(ClientEditMerge.merge(try last.decodeBody(as: ClientPatch.self), patch))
                    : try JSONStore.text(ClientEditMerge.merge(try last.decodeBody(as: NewClient.self), patch))
                try OutboxStore.replaceBody(db, seq: last.seq, body: merged, at: now)
                seq = last.seq
            } else {
                seq = try OutboxStore.enqueue(db, draft(db, .editClient, id, body: try JSONStore.text(patch)), at: now)
            }
            return Saved(value: try rebuiltClient(db, id), seq: seq)
        }
    }

    /// Marks a client's KYC verified: it must be `pending` with `id_type` and `id_number`.
    public func verifyKYC(_ id: ClientID) throws -> Saved<Client> {
        try kycDecision(id, kind: .verifyKYC, body: "{}") { client, check in
            if client.kyc.status != .pending {
                check.state("cannot verify KYC that is \(client.kyc.status.rawValue)", field: "kyc.status")
            }
            check.add(client.kyc.verificationErrors())
        }
    }

    /// Marks a client's KYC rejected with a reason: it must be `pending`.
    public func rejectKYC(_ id: ClientID, reason: String) throws -> Saved<Client> {
        let body = ReasonBody(reason: reason)
        return try kycDecision(id, kind: .rejectKYC, body: try JSONStore.text(body)) { client, check in
            if client.kyc.status != .pending {
                check.state("cannot reject KYC that is \(client.kyc.status.rawValue)", field: "kyc.status")
            }
            check.add(body.validate())
        }
    }

    private func kycDecision(
        _ id: ClientID, kind: OutboxKind, body: String, rules: (Client, inout EditCheck) -> Void
    ) throws -> Saved<Client> {
        let now = clock()
        return try transaction { db in
            let id = try Aliases.resolve(db, id.rawValue)
            guard let client = try ViewStore.client(db, id) else { throw ReplicaError.notFound(.client, id) }
            var check = EditCheck()
            rules(client, &check)
            try check.throwIfRefused("KYC \(kind == .verifyKYC ? "verification" : "rejection")")
            let seq = try OutboxStore.enqueue(db, draft(db, kind, id, body: body), at: now)
            return Saved(value: try rebuiltClient(db, id), seq: seq)
        }
    }

    /// An entry on an existing client, against the server version the replica holds.
    private func draft(_ db: Database, _ kind: OutboxKind, _ id: String, body: String) throws -> EntryDraft {
        let version = try ServerStore.version(db, type: .client, id: id) ?? 0
        return EntryDraft(kind: kind, objectID: id, clientID: id, baseVersion: version > 0 ? version : nil,
                          baseJSON: try ServerStore.json(db, type: .client, id: id), body: body)
    }

    private func rebuiltClient(_ db: Database, _ id: String) throws -> Client {
        try ViewRebuilder.rebuild(db, type: .client, id: id)
        guard let client = try ViewStore.client(db, id) else { throw ReplicaError.notFound(.client, id) }
        return client
    }
}
