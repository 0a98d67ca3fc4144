import Console
import FincoreModel
import Replica

/// The ids Tab offers: by id prefix, or for clients by name (a name completes to the id).
enum IDCompletion {
    static func ids(_ kind: ArgumentKind, _ prefix: String, _ replica: Replica) -> [String] {
        let loans = { (try? Resolver.allLoans(in: replica).map(\.value)) ?? [] }
        switch kind {
        case .clientID:
            if prefix.isEmpty || prefix.hasPrefix("cl_") {
                let all = (try? replica.clients(limit: 200).map(\.value.id.rawValue)) ?? []
                return all.filter { $0.hasPrefix(prefix) }
            }
            return ((try? replica.searchClients(prefix, limit: 20)) ?? []).map(\.value.id.rawValue)
        case .loanID:
            return loans().map(\.id.rawValue).filter { $0.hasPrefix(prefix) }
        case .paymentID:
            return loans().flatMap { (try? replica.payments(ofLoan: $0.id)) ?? [] }.map(\.value.id.rawValue)
                .filter { $0.hasPrefix(prefix) }
        case .linkID:
            return loans().flatMap { (try? replica.paymentLinks(ofLoan: $0.id)) ?? [] }.map(\.value.id.rawValue)
                .filter { $0.hasPrefix(prefix) }
        case .anyID:
            return ids(.loanID, prefix, replica) + ids(.clientID, prefix, replica)
        default:
            return []
        }
    }
}
