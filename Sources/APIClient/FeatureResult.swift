/// The answer of an optional feature: its value, or that this server does not have it.
///
/// Contract: optional parts (reports) may be missing; a `404`/`405` from them is not an error
/// to the caller but this `.unavailable`, and the client stops asking for the session.
public enum FeatureResult<Value: Sendable>: Sendable {
    case available(Value)
    case unavailable

    /// The value, if the feature answered.
    public var value: Value? {
        if case .available(let value) = self { return value }
        return nil
    }
}
