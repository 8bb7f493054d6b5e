/// What changed between two sessions of one workshop, computed by
/// `Comparison.of(before:after:)`. Definitions: docs/analysis.md,
/// "Comparing sessions".

/// One session of a comparison: its state and its analysis.
public struct ComparedSession: Sendable {
    public let state: SessionState
    public let analysis: Analysis

    public init(state: SessionState, analysis: Analysis) {
        self.state = state
        self.analysis = analysis
    }

    public var id: String { state.id }
    public var workshop: Workshop { state.workshop }
}

/// One rating item, before and after, for one unit (a department or the company).
public struct ItemChange: Sendable, Hashable {
    public let stage: String
    public let item: String
    public let before: ItemStats
    public let after: ItemStats
    public let shift: ShiftTest

    /// after − before; nil when either is undefined.
    public var medianChange: Double? { Self.difference(before.median, after.median) }
    public var iqrChange: Double? { Self.difference(before.iqr, after.iqr) }
    public var consensusChange: Double? { Self.difference(before.consensus, after.consensus) }

    static func difference(_ before: Double?, _ after: Double?) -> Double? {
        guard let before, let after else { return nil }
        return after - before
    }
}

/// One pick stage, before and after, for one unit.
public struct PickChange: Sendable, Hashable {
    public let stage: String
    /// The options both versions of the stage offer, in the after session's order.
    public let options: [String]
    public let before: PickStats
    public let after: PickStats
}

/// How the maturity level moved.
public enum MaturityMove: String, Sendable, Hashable {
    case up, down, same
    /// One of the two sessions places no level.
    case unknown
}

/// A department (or the company, `id` nil) present in both sessions.
public struct UnitChange: Sendable, Hashable {
    /// nil for the company.
    public let id: String?
    /// The name in the after session.
    public let name: String
    public let ratings: [ItemChange]
    public let picks: [PickChange]
    public let maturityBefore: MaturityResult?
    public let maturityAfter: MaturityResult?

    public var maturityMove: MaturityMove {
        guard let before = maturityBefore, let after = maturityAfter else { return .unknown }
        if after.rank > before.rank { return .up }
        if after.rank < before.rank { return .down }
        return .same
    }
}

/// What became of the silo findings: matched by kind and subject
/// (`SiloMatch.key`).
public struct SiloChanges: Sendable, Hashable {
    /// In the before session only.
    public let resolved: [SiloFinding]
    /// In the after session only.
    public let new: [SiloFinding]
    /// In both: (before, after).
    public let persisting: [SiloPair]
}

public struct SiloPair: Sendable, Hashable {
    public let before: SiloFinding
    public let after: SiloFinding
}

/// Whether `from` knows `to`'s strategy, before and after, for two
/// departments present in both sessions.
public struct AwarenessChange: Sendable, Hashable {
    public let from: String
    public let to: String
    public let before: Bool
    public let after: Bool

    /// Learned (false → true) or forgot (true → false).
    public var changed: Bool { before != after }
}

/// A department of one session only.
public struct LoneDepartment: Sendable, Hashable {
    public let id: String
    public let name: String
}

/// Something the two versions of the workshop do not share.
public enum NotCompared: Sendable, Hashable {
    /// A stage in one version only.
    case stage(id: String, inBefore: Bool)
    /// A rating item in one version only.
    case item(id: String, inBefore: Bool)
    /// A rating item whose scale differs between the versions.
    case scaleChanged(item: String)
    /// A pick option in one version only.
    case option(stage: String, id: String, inBefore: Bool)
    /// The maturity levels differ (their ids): a move is judged by each level's rank in its own model.
    case maturityLevels
}

/// The comparison of two sessions of one workshop.
public struct Comparison: Sendable {
    public let before: ComparedSession
    public let after: ComparedSession
    public let company: UnitChange
    /// The departments present in both, in the after session's order.
    public let departments: [UnitChange]
    public let onlyBefore: [LoneDepartment]
    public let onlyAfter: [LoneDepartment]
    public let silos: SiloChanges
    /// Every ordered pair (from, to) of distinct departments present in both,
    /// in the after session's department order.
    public let awareness: [AwarenessChange]
    public let notCompared: [NotCompared]
    /// The rating items compared, in the after workshop's order.
    public let items: [(stage: Stage, item: Item)]
    /// The pick stages compared, in the after workshop's order.
    public let pickStages: [Stage]

    /// Whether both sessions run the same version of the workshop.
    public var sameVersion: Bool { before.workshop.version == after.workshop.version }
}
