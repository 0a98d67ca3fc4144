import APIClient
import FincoreModel
import Foundation
import Replica

/// The push driver: sends the outbox in order and applies `PushDecider`'s verdicts.
///
/// STYLE habit 8: what an answer means is `PushDecider`'s (pure, tested alone); this type only
/// sends and records. Every entry is marked `in_flight` before it is sent, under its own
/// `Idempotency-Key`, so a crash between the server's commit and `markDone` is recovered by
/// sending it again with the same key (a replay), or, past the key's lifetime, by the create's
/// `409 external_id_taken` with the object in `current` (contract § Conventions, § Idempotency).
struct Pusher: Sendable {
    let client: APIClient
    let replica: Replica
    /// A rebased entry is sent again at most this many times a run: a busy object must not
    /// make one sync loop forever.
    static let maximumRebases = 3

    /// What became of one entry.
    enum Step {
        case done(refreshLoan: String?)
        case deferred
        case conflict
        case failed
        case stop(SyncOutcome)
    }

    /// Pushes everything sendable; independent entries keep going past a failed one (the
    /// outbox blocks exactly its dependents). Entries deferred (429, 5xx, a create not yet
    /// acknowledged) wait for the next run. `refreshLoans` GETs the loans whose balance a
    /// pushed repayment or reversal moved, for a push that no pull follows.
    func run(meter: SyncMeter, refreshLoans: Bool) async -> (SyncSummary, Set<String>) {
        var summary = SyncSummary()
        var deferred: Set<Int64> = []
        var loans: Set<String> = []
        do {
            let total = try replica.outbox.nextSendable(limit: 10_000).count
            await meter.report(.push, done: 0, total: total)
            batches: while true {
                let batch = try replica.outbox.nextSendable(limit: deferred.count + 100)
                    .filter { !deferred.contains($0.seq) }
                    .sorted { (PushRule.of($0.kind).isMoney ? 0 : 1, $0.seq) < (PushRule.of($1.kind).isMoney ? 0 : 1, $1.seq) }
                if batch.isEmpty { break }
                for entry in batch {
                    if Task.isCancelled {
                        summary.outcome = .cancelled
                        break batches
                    }
                    switch try await push(entry) {
                    case .done(let loan):
                        summary.pushed += 1
                        if let loan { loans.insert(loan) }
                    case .deferred: deferred.insert(entry.seq)
                    case .conflict: summary.conflicts += 1
                    case .failed: summary.failures += 1
                    case .stop(let outcome):
                        summary.outcome = outcome
                        break batches
                    }
                    await meter.report(.push, done: summary.pushed + summary.conflicts + summary.failures,
                                       total: max(total, summary.pushed))
                }
            }
            if refreshLoans, summary.outcome.isCompleted {
                try await refresh(loans)
                loans = []
            }
        } catch let error as APIError {
            summary.outcome = error.isCancellation ? .cancelled : .offline(error.description)
        } catch {
            summary.outcome = Task.isCancelled ? .cancelled : .failed(String(describing: error))
        }
        return (summary, loans)
    }

    /// Sends one entry (again after a rebase, up to `maximumRebases` times) and records the verdict.
    func push(_ entry: OutboxEntry) async throws -> Step {
        let rule = PushRule.of(entry.kind)
        let segments = entry.path.split(separator: "/")
        // A path still naming a local id waits for its create's acknowledgement (never sent).
        guard !segments.contains(where: { LocalID.isLocal(String($0)) }) else { return .deferred }
        let path = segments.dropFirst(segments.first == "v1" ? 1 : 0).joined(separator: "/")
        let body = try? FincoreJSON.decoder().decode(JSONValue.self, from: entry.body)
        var current = entry
        for _ in 0...Self.maximumRebases {
            let sent = try replica.outbox.markInFlight(current.seq)
            let request = APIRequest(
                HTTPMethod(rawValue: entry.method) ?? .post, path, body: entry.body,
                ifMatch: entry.kind.request.creates ? nil : sent.baseVersion,
                idempotencyKey: IdempotencyKey(sent.idempotencyKey), priority: rule.priority)
            let result: Result<JSONValue?, APIError>
            do {
                result = .success(try await client.send(request, as: JSONValue.self).value)
            } catch {
                result = .failure(error)
            }
            if case .failure(let error) = result, error.isCancellation {
                try replica.outbox.release(sent.seq)
                return .stop(.cancelled)
            }
            let verdict = PushDecider.decide(rule.intent(body: body), base: sent.base, mine: body, result: result,
                                             stillAllowed: rule.stillAllowed, alreadyDone: rule.alreadyDone)
            switch verdict {
            case .done(let json):
                try replica.outbox.markDone(sent.seq, serverObject: try json.map { try $0.decode(as: SyncedObject.self) })
                return .done(refreshLoan: rule.refreshesLoan ? sent.loanID : nil)
            case .rebase(let theirs):
                // Theirs is newer server state: store it, then send the same intent against it.
                if let object = try? theirs.decode(as: SyncedObject.self) { try replica.apply(object) }
                var version: Int?
                if case .integer(let number)? = theirs["version"] { version = Int(number) }
                try replica.outbox.rekey(sent.seq, baseVersion: version, base: theirs)
                current = try replica.outbox.entry(sent.seq) ?? sent
            case .conflict(let theirs, let fields):
                // A new key now, so that whichever way the user resolves it, the resend is
                // judged afresh instead of replaying this stored 412.
                try replica.outbox.rekey(sent.seq)
                try replica.outbox.markConflict(sent.seq, OutboxEntry.Failure(
                    status: 412, code: ErrorCode.versionConflict.rawValue,
                    message: "changed on the server too: " + fields.joined(separator: ", "), field: fields.first),
                    theirs: try? theirs.decode(as: SyncedObject.self))
                return .conflict
            case .failed(let code, let message, let field):
                try replica.outbox.rekey(sent.seq)
                try replica.outbox.markFailed(sent.seq, OutboxEntry.Failure(
                    status: result.failureStatus, code: code, message: message, field: field))
                return .failed
            case .retryLater:
                try replica.outbox.release(sent.seq)
                if case .failure(.transport(let failure)) = result { return .stop(.offline(failure.description)) }
                return .deferred
            case .unauthorized:
                try replica.outbox.release(sent.seq)
                return .stop(.unauthorized)
            }
        }
        try replica.outbox.release(entry.seq)
        return .deferred
    }

    /// GETs each loan and stores it: a pushed repayment answers the payment, not the loan whose
    /// balance it lowered, and the replica shows the server's balance only once it has the loan.
    func refresh(_ loans: Set<String>) async throws {
        for id in loans.sorted() {
            guard let loanID = LoanID(id), !LocalID.isLocal(id) else { continue }
            do {
                try replica.apply(.loan(try await client.loan(loanID).value))
            } catch let error as APIError where error.status == 404 {
                continue  // deleted meanwhile: its tombstone comes with the next pull
            }
        }
    }
}

extension Result where Success == JSONValue?, Failure == APIError {
    /// The HTTP status of a failed answer, if one came.
    var failureStatus: Int? {
        if case .failure(let error) = self { return error.status }
        return nil
    }
}
