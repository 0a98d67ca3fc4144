import FincoreModel
import Foundation
import SQLite

/// One user intent waiting in (or done with) the outbox: the request to send and its fate.
///
/// `body` is the JSON the request carries, built from the model's request types; ids in it and
/// in `objectID` are rewritten when a create they refer to is acknowledged. `baseVersion` is
/// the object's version the edit was made against, for `If-Match`; nil for creates.
public struct OutboxEntry: Hashable, Sendable {
    /// Where an entry is in its life.
    public enum State: String, Hashable, Sendable, CaseIterable {
        /// Waiting to be sent (possibly blocked by what it depends on).
        case pending
        /// Handed to the sync engine; the outcome is unknown until it marks it.
        case inFlight = "in_flight"
        /// The server accepted it; its object is in the replica.
        case done
        /// The server answered `412 version_conflict`: mine, theirs and base are kept.
        case conflict
        /// The server refused it (4xx other than a conflict); kept until retried or dropped.
        case failed
    }

    /// The server's refusal, as it answered (no personal data: codes, a message, a field path).
    public struct Failure: Hashable, Sendable {
        public var status: Int?
        public var code: String
        public var message: String
        public var field: String?

        public init(status: Int? = nil, code: String, message: String, field: String? = nil) {
            self.status = status
            self.code = code
            self.message = message
            self.field = field
        }
    }

    /// The order the edit was taken in.
    public var seq: Int64
    public var kind: OutboxKind
    /// The object the entry creates or changes (a local id until its create is acknowledged).
    public var objectID: String
    /// The loan a repayment or reversal changes besides the payment; the loan of a new link.
    public var loanID: String?
    /// The client the entry belongs to (every entry has one; purge uses it).
    public var clientID: String?
    /// Sent as `Idempotency-Key`; generated once when the edit is taken.
    public var idempotencyKey: String
    /// Sent as `If-Match`; nil for creates.
    public var baseVersion: Int?
    /// The object as it was when the edit was made ("base" of a conflict), when there was one.
    public var base: JSONValue?
    /// The request body, JSON.
    public var body: Data
    public var state: State
    public var attempts: Int
    public var failure: Failure?
    /// The server's current object of a conflict ("theirs").
    public var theirs: JSONValue?
    /// The entries this one waits for.
    public var dependsOn: [Int64]
    public var createdAt: Timestamp

    /// The request method.
    public var method: String { kind.request.method }

    /// The request path, with the addressed id filled in.
    public var path: String {
        let request = kind.request
        let id = kind == .repay ? (loanID ?? "") : objectID
        return request.path.replacingOccurrences(of: "{id}", with: id)
    }

    /// The request body decoded as the model's type, for a sync engine that wants it typed.
    public func decodeBody<T: Decodable>(as type: T.Type) throws -> T {
        try FincoreJSON.decoder().decode(type, from: body)
    }
}

extension OutboxEntry {
    static let columns = """
        seq, kind, object_id, loan_id, client_id, idempotency_key, base_version, base_json, body, state,
        attempts, error_status, error_code, error_message, error_field, theirs_json, created_at
        """

    /// Decodes a row selected with `columns`; the dependencies are read separately.
    init(row: Row, dependsOn: [Int64]) throws {
        let kindText: String = try row["kind"]
        let stateText: String = try row["state"]
        let createdText: String = try row["created_at"]
        guard let kind = OutboxKind(rawValue: kindText), let state = State(rawValue: stateText),
              let created = Timestamp(createdText) else {
            throw ReplicaError(.invalidObject, "outbox entry has an unknown kind or state")
        }
        seq = try row["seq"]
        self.kind = kind
        objectID = try row["object_id"]
        loanID = try row["loan_id"]
        clientID = try row["client_id"]
        idempotencyKey = try row["idempotency_key"]
        baseVersion = try row["base_version"]
        base = try (row["base_json"] as String?).flatMap { try? JSONStore.value($0) }
        body = Data((try row["body"] as String).utf8)
        self.state = state
        attempts = try row["attempts"]
        if let code: String = try row["error_code"] {
            failure = Failure(status: try row["error_status"], code: code,
                              message: try row["error_message"] ?? "", field: try row["error_field"])
        }
        theirs = try (row["theirs_json"] as String?).flatMap { try? JSONStore.value($0) }
        self.dependsOn = dependsOn
        createdAt = created
    }
}
