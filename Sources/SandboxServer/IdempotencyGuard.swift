import FincoreModel
import Foundation
import HTTP
import SQLite

/// Idempotency-Key handling (contract § Idempotency): the stored response replays, a different
/// request under the same key is 422, the same key while the first still runs is 409.
///
/// Records are keyed by a hash of the API key (never the key itself) and written in the same
/// transaction as the change they answer, so a crash can never commit one without the other.
final class IdempotencyGuard: Sendable {
    /// A stored answer.
    struct Record: Sendable {
        let fingerprint: String
        let reply: SandboxReply
    }

    private let running = Locked<Set<String>>([])

    /// The owner column: SHA-256 of the API key, so the database never holds a key.
    static func owner(of apiKey: String) -> String {
        Hex.encode(SHA256.hash(Array(apiKey.utf8)))
    }

    /// A fingerprint of method, target and body: what "the same request" means.
    ///
    /// A JSON body is compared by meaning, not bytes: a client that serialises the same object
    /// again (keys in another order, other spacing) is sending the same request.
    static func fingerprint(of request: HTTPRequest) -> String {
        var hasher = SHA256()
        hasher.update(Array("\(request.method.rawValue) \(request.target)\n".utf8))
        hasher.update(Array(canonical(request.body)))
        return Hex.encode(hasher.finalize())
    }

    private static func canonical(_ body: Data) -> Data {
        guard !body.isEmpty, let object = try? JSONSerialization.jsonObject(with: body),
              let sorted = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        else { return body }
        return sorted
    }

    /// Checks a key's form: 1 to 255 printable ASCII characters.
    static func validate(_ key: String) throws(APIFailure) {
        let printable = key.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        guard !key.isEmpty, key.utf8.count <= 255, printable else {
            throw .invalidRequest("Idempotency-Key must be 1 to 255 printable ASCII characters",
                                  field: "Idempotency-Key")
        }
    }

    /// Marks a key as running; false when it already is (the caller answers 409).
    func begin(owner: String, key: String) -> Bool {
        running.withLock { $0.insert(owner + "\u{0}" + key).inserted }
    }

    func end(owner: String, key: String) {
        _ = running.withLock { $0.remove(owner + "\u{0}" + key) }
    }

    static func stored(owner: String, key: String, in db: Database) throws -> Record? {
        guard let row = try db.fetchOne(
            sql: "SELECT fingerprint, status, headers, body FROM idempotency WHERE key_owner = ? AND key = ?",
            arguments: [owner, key]) else { return nil }
        let headerData = Data((try row.decode(String.self, column: "headers")).utf8)
        let pairs = (try? JSONDecoder().decode([[String]].self, from: headerData)) ?? []
        let body: Data = try row.decode(Data.self, column: "body")
        let status = HTTPStatus(code: try row.decode(Int.self, column: "status"))
        return Record(
            fingerprint: try row.decode(String.self, column: "fingerprint"),
            reply: SandboxReply(status: status, body: status == .noContent ? nil : body,
                                headers: pairs.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }))
    }

    /// Stores an answer unless the contract says it must not be (401, 429, 5xx, idempotency errors).
    static func store(owner: String, key: String, fingerprint: String, reply: SandboxReply,
                      at now: Timestamp, in db: Database) throws {
        let code = reply.status.code
        guard code != 401, code != 429, code < 500 else { return }
        let headers = (try? JSONEncoder().encode(reply.headers.map { [$0.0, $0.1] })) ?? Data("[]".utf8)
        try db.execute(sql: """
            INSERT OR REPLACE INTO idempotency (key_owner, key, fingerprint, status, headers, body, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [owner, key, fingerprint, code, String(decoding: headers, as: UTF8.self),
                             reply.body ?? Data(), now.microsecondsSinceEpoch])
    }
}
