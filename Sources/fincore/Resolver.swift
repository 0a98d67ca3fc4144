import Console
import FincoreModel
import Replica

/// Finds the object a user named: an id, or for clients a unique name.
///
/// Officers know clients by name, not by `cl_…`; a name must match exactly one client (first
/// and last name, any case), otherwise the refusal lists how to be more precise.
enum Resolver {
    static func client(_ text: String, in replica: Replica) throws -> Client {
        if let id = ClientID(text) {
            guard let client = try replica.client(id)?.value else {
                throw CommandFailure("no client \(text) in the replica", hint: "run 'client find NAME' to look one up")
            }
            return client
        }
        let wanted = text.lowercased()
        // The search matches one field at a time: look up by the longest word, then compare names.
        let words = text.split(separator: Character(" ")).map(String.init)
        let word = words.max { $0.count < $1.count } ?? text
        let matches = try replica.searchClients(word, limit: 500).map(\.value)
            .filter { "\($0.firstName) \($0.lastName)".lowercased() == wanted }
        switch matches.count {
        case 1:
            return matches[0]
        case 0:
            throw CommandFailure("no client named '\(text)'", hint: "run 'client find \(text)' or give an id (cl_…)")
        default:
            throw CommandFailure("\(matches.count) clients are named '\(text)': "
                + matches.map(\.id.rawValue).joined(separator: ", "), hint: "give the id instead of the name")
        }
    }

    static func loan(_ text: String, in replica: Replica) throws -> Loan {
        guard let id = LoanID(text) else {
            throw CommandFailure("'\(text)' is not a loan id (ln_…)", hint: "run 'loan list' to see loan ids")
        }
        guard let loan = try replica.loan(id)?.value else {
            throw CommandFailure("no loan \(text) in the replica", hint: "run 'loan list' to see loan ids")
        }
        return loan
    }

    static func payment(_ text: String, in replica: Replica) throws -> Payment {
        guard let id = PaymentID(text) else {
            throw CommandFailure("'\(text)' is not a payment id (py_…)", hint: "run 'payment list' to see payment ids")
        }
        guard let payment = try replica.payment(id)?.value else {
            throw CommandFailure("no payment \(text) in the replica", hint: "run 'payment list' to see payment ids")
        }
        return payment
    }

    static func link(_ text: String, in replica: Replica) throws -> PaymentLink {
        guard let id = PaymentLinkID(text) else {
            throw CommandFailure("'\(text)' is not a payment link id (pl_…)", hint: "run 'link list' to see link ids")
        }
        guard let link = try replica.paymentLink(id)?.value else {
            throw CommandFailure("no payment link \(text) in the replica", hint: "run 'link list' to see link ids")
        }
        return link
    }

    /// Every loan in the replica, client by client (the replica has no all-loans query).
    static func allLoans(in replica: Replica) throws -> [Viewed<Loan>] {
        try replica.clients(limit: 1_000_000).flatMap { try replica.loans(ofClient: $0.value.id) }
    }
}
