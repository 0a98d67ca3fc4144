import APIClient
import FincoreModel

/// Decides what an answer means for one outbox entry (STYLE habit 8: the core decides, the
/// driver does the I/O). Pure, so every branch of exactly-once and conflict handling is tested
/// without a network.
public enum PushDecider {
    /// What the entry asked for.
    public enum Intent: Sendable, Equatable {
        /// A create carrying its `external_id`.
        case create
        /// A PATCH of these fields (dotted paths).
        case edit(fields: Set<String>)
        /// A state action (approve, reverse, cancel…); `stillAllowed` says whether it still makes
        /// sense on the server's current object, `alreadyDone` whether another agent already did it.
        case action
    }

    /// The verdict for an answer: the server's object on success, or the error.
    public static func decide(_ intent: Intent, base: JSONValue?, mine: JSONValue?,
                              result: Result<JSONValue?, APIError>,
                              stillAllowed: (JSONValue) -> Bool = { _ in true },
                              alreadyDone: (JSONValue) -> Bool = { _ in false }) -> PushVerdict {
        switch result {
        case .success(let object):
            return .done(object)
        case .failure(let error):
            return decide(intent, base: base, mine: mine, error: error, stillAllowed: stillAllowed,
                          alreadyDone: alreadyDone)
        }
    }

    private static func decide(_ intent: Intent, base: JSONValue?, mine: JSONValue?, error: APIError,
                               stillAllowed: (JSONValue) -> Bool, alreadyDone: (JSONValue) -> Bool) -> PushVerdict {
        guard case .http(let failure) = error else {
            // No answer, or not the contract's shape: the request may or may not have run, so it
            // is sent again with the same key, which replays it if it did (contract § Idempotency).
            return error.recovery == .fixInput
                ? .failed(code: "invalid_request", message: error.description, field: nil)
                : .retryLater(wait: error.retryAfter)
        }
        switch (failure.status, failure.code) {
        case (401, _):
            return .unauthorized
        case (409, .externalIDTaken) where intent == .create:
            // The create reached the server before (its key may have expired): that object is ours.
            return failure.current.map { .done($0) } ?? .retryLater(wait: nil)
        case (409, .idempotencyInProgress), (429, _):
            return .retryLater(wait: error.retryAfter)
        case (412, _):
            guard let theirs = failure.current else { return .retryLater(wait: nil) }
            return versionConflict(intent, base: base, mine: mine, theirs: theirs, stillAllowed: stillAllowed,
                                   alreadyDone: alreadyDone)
        case (500..., _):
            return .retryLater(wait: error.retryAfter)
        default:
            let detail = failure.details.first
            return .failed(code: failure.code.rawValue, message: detail?.message ?? failure.message,
                           field: detail?.field)
        }
    }

    /// 412: rebase when the server changed only what the user did not, an action someone else already
    /// took is done, else a conflict.
    private static func versionConflict(_ intent: Intent, base: JSONValue?, mine: JSONValue?,
                                        theirs: JSONValue, stillAllowed: (JSONValue) -> Bool,
                                        alreadyDone: (JSONValue) -> Bool) -> PushVerdict {
        switch intent {
        case .create:
            return .retryLater(wait: nil)
        case .action:
            if stillAllowed(theirs) { return .rebase(onto: theirs) }
            return alreadyDone(theirs) ? .done(theirs) : .conflict(theirs: theirs, fields: ["status"])
        case .edit(let fields):
            let theirChanges = JSONPaths.changed(from: base, to: theirs)
            let myValues = JSONPaths.leaves(of: mine)
            let theirValues = JSONPaths.leaves(of: theirs)
            // A field both sides set to the same value is no conflict.
            let clashing = fields.intersection(theirChanges).filter { myValues[$0] != theirValues[$0] }
            return clashing.isEmpty ? .rebase(onto: theirs) : .conflict(theirs: theirs, fields: clashing.sorted())
        }
    }
}
