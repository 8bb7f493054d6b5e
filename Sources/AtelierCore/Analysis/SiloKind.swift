/// The kinds of siloed-strategy findings (see docs/analysis.md).
public enum SiloKind: String, Sendable, Hashable, Codable, CaseIterable {
    case unsharedStrategy = "unshared_strategy"
    case believedShared = "believed_shared"
    case noStrategy = "no_strategy"
    case fragmented
    case divergentPosition = "divergent_position"
}
