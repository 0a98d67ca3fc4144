import FincoreModel
import Foundation
import HTTP
import Replica
import Sync

/// Decides what one webhook delivery does and how to answer it: verify → decode → deduplicate and
/// apply (in the replica) → an HTTP status.
///
/// The answers (README, "Receiving webhooks"): 200 for an event applied, stale or seen before, so
/// the sender stops retrying; 202 for an event of a type this agent does not know or an object
/// outside its scope (accepted and ignored: retrying would never help, and pull brings whatever
/// matters); 401 for a missing, malformed, wrong or stale (`t` over 300 s from now) signature;
/// 400 for a signed body that is not a well-formed event; 500 when the replica cannot be written
/// (the sender retries, and the next pull catches up anyway).
///
/// Log lines name the event id, type, object id and outcome, or the refusal's code; never a field
/// value, a secret, or anything from a body whose signature failed.
final class WebhookInbox: Sendable {
    /// One decision: the status, a short machine code for the answer and the log, and what to log.
    struct Decision: Error, Sendable, Equatable {
        let status: Int
        let code: String
        let note: String

        var isAccepted: Bool { (200..<300).contains(status) }
    }

    /// Counts by decision code, for `status`.
    struct Tally: Sendable {
        var accepted = 0
        var refused = 0
        var byCode: [String: Int] = [:]
    }

    let replica: Replica
    let secrets: WebhookSecrets
    /// The replica's sync scope, read per event so a change of scope applies at once.
    let scope: @Sendable () throws -> SyncScope
    /// Unix seconds; injectable for tests of the 300 s window.
    let now: @Sendable () -> Int64
    let log: @Sendable (Decision) -> Void
    private let tally = Locked(Tally())

    init(replica: Replica, secrets: WebhookSecrets, scope: @escaping @Sendable () throws -> SyncScope,
         now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) },
         log: @escaping @Sendable (Decision) -> Void) {
        self.replica = replica
        self.secrets = secrets
        self.scope = scope
        self.now = now
        self.log = log
    }

    var counts: Tally { tally.withLock { $0 } }

    /// The HTTP handler: decides, logs, counts and answers.
    ///
    /// The decision reads a file and writes SQLite (which may wait up to the busy timeout while a
    /// `sync` in another process writes), so it runs on a dispatch thread, never on Swift's small
    /// cooperative pool that the REPL and the HTTP server's handlers share.
    @Sendable
    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let (body, signature) = (request.body, request.headers[WebhookSignature.headerName])
        let decision = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.decide(body: body, signature: signature)) }
        }
        tally.withLock { tally in
            if decision.isAccepted { tally.accepted += 1 } else { tally.refused += 1 }
            tally.byCode[decision.code, default: 0] += 1
        }
        log(decision)
        if decision.isAccepted {
            return HTTPResponse(status: HTTPStatus(code: decision.status), headers: ["Content-Type": "application/json"],
                                body: Data(#"{"outcome":"\#(decision.code)"}"#.utf8))
        }
        return .error(status: HTTPStatus(code: decision.status), code: decision.code, message: decision.note)
    }

    /// The decision for one delivery's raw body and `Fincore-Signature` header.
    func decide(body: Data, signature: String?) -> Decision {
        if let refusal = verify(body: body, signature: signature) { return refusal }
        let event: WebhookEvent
        switch decode(body) {
        case .failure(let refusal): return refusal
        case .success(let decoded): event = decoded
        }
        let what = "\(event.id) \(event.type.rawValue) \(event.object.id)"
        do {
            let scope = try self.scope()
            let outcome = try replica.receive(event) { object in
                guard let placement = object.placement else { return false }
                return scope.contains(branchID: placement.branchID, officerID: placement.officerID)
            }
            let status = outcome == .ignored ? 202 : 200
            return Decision(status: status, code: outcome.rawValue, note: "\(what): \(outcome.rawValue)")
        } catch let error as ReplicaError where error.code == .invalidObject {
            return Decision(status: 400, code: "invalid_object", note: "\(what): refused: \(error.message)")
        } catch {
            // Messages of the storage layers hide SQL arguments; only the error's type is logged.
            return Decision(status: 500, code: "internal_error",
                            note: "\(what): not applied (\(type(of: error))); the sender retries, the next sync catches up")
        }
    }

    /// Nil when some stored secret signed this body within the 300 s window; else the refusal.
    private func verify(body: Data, signature: String?) -> Decision? {
        let known: [String]
        do {
            known = try secrets.secrets()
        } catch {
            return Decision(status: 500, code: "internal_error", note: "refused: cannot read the stored webhook secrets")
        }
        guard !known.isEmpty else {
            return Decision(status: 401, code: "no_secret",
                            note: "refused: no webhook secret is stored here; create the endpoint with 'webhook add'")
        }
        var failures: [WebhookSignature.Failure] = []
        let now = now()
        for secret in known {
            switch WebhookSignature.verify(header: signature, body: body, secret: secret, now: now) {
            case .success: return nil
            case .failure(let failure): failures.append(failure)
            }
        }
        // A right signature with a stale `t` is a replay (or a badly wrong clock): say so.
        if let stale = failures.first(where: { if case .timestampOutOfTolerance = $0 { true } else { false } }),
           case .timestampOutOfTolerance(let t, let now) = stale {
            return Decision(status: 401, code: "stale_signature",
                            note: "refused: signature timestamp \(now - t) s from now (over \(WebhookSignature.defaultTolerance) s)")
        }
        switch failures.first {
        case .missingHeader:
            return Decision(status: 401, code: "missing_signature", note: "refused: no \(WebhookSignature.headerName) header")
        case .malformedHeader:
            return Decision(status: 401, code: "malformed_signature",
                            note: "refused: \(WebhookSignature.headerName) is not t=…,v1=…")
        default:
            return Decision(status: 401, code: "bad_signature", note: "refused: signature matches no stored secret")
        }
    }

    /// The event, or a refusal: 400 for a body that is not an event, 202 for an unknown type.
    private func decode(_ body: Data) -> Result<WebhookEvent, Decision> {
        struct Head: Decodable {
            let id: String
            let type: String
        }
        guard let head = try? JSONDecoder().decode(Head.self, from: body) else {
            return .failure(Decision(status: 400, code: "malformed_body", note: "refused: the body is not an event with an id and a type"))
        }
        guard let id = EventID(head.id) else {
            return .failure(Decision(status: 400, code: "malformed_body", note: "refused: the event id is not an ev_ id"))
        }
        guard let type = EventType(rawValue: head.type) else {
            // Signed by the server, so not hostile, but still not echoed unless it looks like a type name.
            let shown = head.type.count <= 64 && head.type.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "." || $0 == "_") }
            return .failure(Decision(status: 202, code: "unknown_type",
                                     note: "\(id) \(shown ? head.type : "(unprintable type)"): ignored, unknown event type"))
        }
        let event: WebhookEvent
        do {
            event = try FincoreJSON.decoder().decode(WebhookEvent.self, from: body)
        } catch let error as DecodingError {
            return .failure(Decision(status: 400, code: "malformed_body",
                                     note: "\(id) \(type.rawValue): refused: bad data.object at \(Self.path(of: error))"))
        } catch {
            return .failure(Decision(status: 400, code: "malformed_body", note: "\(id) \(type.rawValue): refused: not JSON"))
        }
        guard type.rawValue.hasPrefix(event.object.objectType.rawValue + ".") else {
            return .failure(Decision(status: 400, code: "malformed_body",
                                     note: "\(id) \(type.rawValue): refused: carries a \(event.object.objectType.rawValue)"))
        }
        return .success(event)
    }

    /// Where decoding failed, as a JSON path (`data.object.version`); the description is left out
    /// because a decoder's message may quote the value it refused.
    static func path(of error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): context = c
        case .keyNotFound(let key, let c):
            return (c.codingPath + [key]).map(\.stringValue).joined(separator: ".")
        @unknown default: return "?"
        }
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return path.isEmpty ? "(top level)" : path
    }
}
