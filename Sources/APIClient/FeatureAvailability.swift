/// Which optional parts of the contract this server has, learnt during the session.
///
/// Contract: where a feature is "optional" (reports), the agent must detect that the server
/// lacks it (404/405) and fall back without failing. Once a server has said so, the client
/// stops asking until the session ends.
public actor FeatureAvailability {
    /// An optional feature of the contract.
    public enum Feature: String, Sendable, Hashable, CaseIterable {
        case reports
    }

    private var unavailable: Set<Feature> = []

    public init() {}

    /// Whether the server has not (yet) said it lacks `feature`.
    public func isAvailable(_ feature: Feature) -> Bool { !unavailable.contains(feature) }

    /// Records that the server lacks `feature` for the rest of the session.
    public func markUnavailable(_ feature: Feature) { unavailable.insert(feature) }
}
