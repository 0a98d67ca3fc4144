import FincoreModel

extension APIFailure {
    /// Runs a model rule and answers its refusal with the contract's code for it
    /// (`invalid_state` → 409, `amount_exceeds_balance` → 422, the rest → 400).
    static func refusing<T>(_ rule: () throws(ModelError) -> T) throws(APIFailure) -> T {
        do {
            return try rule()
        } catch {
            throw APIFailure(error)
        }
    }
}
