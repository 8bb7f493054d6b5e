/// The maturity levels of a workshop, lowest first, and the rules that place
/// a department (or the company) at one of them. A unit sits at the highest
/// level whose conditions all hold; the first level has no conditions.
public struct MaturityModel: Sendable, Hashable, Codable {
    public let levels: [MaturityLevel]

    public init(levels: [MaturityLevel]) {
        self.levels = levels
    }
}

public struct MaturityLevel: Sendable, Hashable, Codable {
    public let id: String
    public let label: LocalizedText
    public let description: LocalizedText
    public let recommendation: LocalizedText?
    public let conditions: [MaturityCondition]

    public init(
        id: String, label: LocalizedText, description: LocalizedText, recommendation: LocalizedText?,
        conditions: [MaturityCondition]
    ) {
        self.id = id
        self.label = label
        self.description = description
        self.recommendation = recommendation
        self.conditions = conditions
    }
}

public enum MaturityCondition: Sendable, Hashable, Codable {
    /// The median rating of an item is at least / at most a value.
    case rating(item: String, atLeast: Double?, atMost: Double?)
    /// The dominant option of a pick stage is (or is not) among these.
    case pick(stage: String, among: [String], negated: Bool)
    /// The state of the strategy stage.
    case strategy(StrategyRequirement)
}

public enum StrategyRequirement: String, Sendable, Hashable, Codable, CaseIterable {
    /// The department declared at least one strategy item.
    case declared
    /// It declared one, and at least half of the other departments know it.
    case shared
}
