import APIClient
import Console
import FincoreModel
import Replica

// How the layers' errors read at the prompt: field first, then what is wrong, never a value
// (a refused KYC number must not be echoed into a terminal log; STYLE habit 1).

extension ReplicaError: CommandFailureConvertible {
    public var commandFailure: CommandFailure {
        let text = details.isEmpty ? description : details.map(\.description).joined(separator: "; ")
        switch code {
        case .notFound:
            return CommandFailure(text, hint: "ids are listed by 'client list', 'loan list', 'payment list'")
        case .invalidRequest, .invalidState, .amountExceedsBalance, .unpushedEdits, .invalidObject:
            return CommandFailure(text, status: .refused)
        case .schemaTooNew, .location:
            return CommandFailure(text, status: .failure)
        }
    }
}

extension FieldError: CommandFailureConvertible {
    public var commandFailure: CommandFailure {
        CommandFailure(description, status: .refused)
    }
}

extension ValidationErrors: CommandFailureConvertible {
    public var commandFailure: CommandFailure {
        CommandFailure(errors.map(\.description).joined(separator: "; "), status: .refused)
    }
}

extension APIError: CommandFailureConvertible {
    /// The server's answer, by class: 401 is authentication (5), 429 rate limited (6), no
    /// answer is offline (3), anything else refused (1). The description never holds the key.
    public var commandFailure: CommandFailure {
        switch status {
        case 401?:
            return CommandFailure("the server refused the API key", hint: "check FINCORE_API_KEY or run 'fincore login'",
                                  status: .authentication)
        case 429?:
            return CommandFailure("rate limited by the server", hint: "try again in a minute", status: .rateLimited)
        case nil:
            if case .invalidRequest(let message) = self { return CommandFailure(message, status: .refused) }
            return CommandFailure("the server cannot be reached", hint: "check the network, or work offline",
                                  status: .offline)
        default:
            guard let failure = httpFailure else { return CommandFailure(description, status: .refused) }
            let fields = failure.details.map(\.description).joined(separator: "; ")
            return CommandFailure(fields.isEmpty ? failure.message : fields, status: .refused)
        }
    }
}
