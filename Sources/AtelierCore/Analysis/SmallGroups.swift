/// The small-group rule (docs/analysis.md): a department figure built from
/// fewer than K answers (the session's `--min-group K`) is not shown on the
/// room's screens nor in exports; those answers still count in the company's
/// figures. The analysis itself stays whole (`Analysis.of`): this is a rule
/// of presentation, applied once here, and every screen and export reads
/// `Analysis.shown`. Only the facilitator's own terminal may ask for the
/// whole analysis (`results --all`).
public enum SmallGroups {
    /// The accepted values of `--min-group`.
    public static let range = 2...50
    /// `--min-group` when the session is anonymous and none is given.
    public static let anonymousDefault = 3

    /// True when a figure from `n` answers is withheld: some answers, fewer than `minimum`.
    public static func withholds(_ n: Int, minimum: Int?) -> Bool {
        guard let minimum else { return false }
        return n > 0 && n < minimum
    }
}

extension Analysis {
    /// True when this department's figures on a rating item or pick stage are withheld.
    public func withholds(department: String, _ id: String) -> Bool {
        departments.first { $0.id == department }?.withheld.contains(id) ?? false
    }

    /// The sentence under a table naming the departments whose figures on
    /// this rating item or pick stage are withheld ("fewer than 3 answers,
    /// not shown: Marketing"); nil when none is.
    public func withheldNote(_ id: String) -> LocalizedMessage? {
        let names = departments.filter { $0.withheld.contains(id) }.map(\.name)
        guard let minGroup, !names.isEmpty else { return nil }
        return LocalizedMessage("small_group.not_shown", ["count": .count(minGroup), "departments": .list(names)])
    }

    /// The analysis the room and the exports show for this session: its
    /// small groups' figures withheld when the session sets a minimum.
    public static func shown(_ state: SessionState, language: String? = nil) -> Analysis {
        of(state, language: language).withholdingSmallGroups(state.minGroup)
    }

    /// This analysis with every department figure built from fewer than
    /// `minimum` answers emptied and listed in `withheld`; such a
    /// department's maturity and the divergent-position finding about it
    /// (read from the same figures) go too. The company's figures are kept
    /// whole. Nil leaves the analysis as it is.
    public func withholdingSmallGroups(_ minimum: Int?) -> Analysis {
        guard let minimum else { return self }
        var hidden: Set<String> = []
        let shown = departments.map { department -> DepartmentAnalysis in
            var withheld: Set<String> = []
            var keptRatings = department.ratings
            for (item, stats) in department.ratings where SmallGroups.withholds(stats.n, minimum: minimum) {
                withheld.insert(item)
                keptRatings[item] = ItemStats.none(points: stats.distribution.count)
            }
            var keptPicks = department.picks
            for (stage, stats) in department.picks where SmallGroups.withholds(stats.n, minimum: minimum) {
                withheld.insert(stage)
                keptPicks[stage] = PickStats.of(
                    options: stats.counts.map(\.option), counts: stats.counts.map { _ in 0 })
            }
            if !withheld.isEmpty { hidden.insert(department.id) }
            return DepartmentAnalysis(
                id: department.id, name: department.name, participants: department.participants,
                ratings: keptRatings, picks: keptPicks, maturity: withheld.isEmpty ? department.maturity : nil,
                withheld: withheld.union(department.withheld))
        }
        let silos = silos.filter { finding in
            !(finding.kind == .divergentPosition && finding.departments.contains(where: hidden.contains))
        }
        return Analysis(departments: shown, company: company, silos: silos, minGroup: minimum)
    }
}

extension ItemStats {
    /// The statistics of no answer on a scale of `points` points.
    static func none(points: Int) -> ItemStats {
        ItemStats(
            n: 0, mean: nil, median: nil, q1: nil, q3: nil, iqr: nil, consensus: nil, consensusReached: nil,
            distribution: [Int](repeating: 0, count: points))
    }
}

extension RoundsAnalysis {
    /// The rounds the room and the exports show for this session: a
    /// department left out of an item's or a pick stage's rounds when any of
    /// its rounds there is built from fewer answers than the session's minimum
    /// (its answers still count in the company's rounds).
    public static func shown(_ state: SessionState) -> RoundsAnalysis {
        of(state).withholdingSmallGroups(state.minGroup)
    }

    /// These rounds without the small groups' figures (`SmallGroups.withholds`
    /// in any round); nil leaves them as they are.
    public func withholdingSmallGroups(_ minimum: Int?) -> RoundsAnalysis {
        guard let minimum else { return self }
        let small = smallRounds(minimum)
        let hidden = Set(small.map { SmallRound(department: $0.department, id: $0.id, round: 0) })
        func hides(_ department: String, _ id: String) -> Bool {
            hidden.contains(SmallRound(department: department, id: id, round: 0))
        }
        let keptItems = items.map { item in
            ItemRounds(
                stage: item.stage, item: item.item,
                departments: item.departments.filter { !hides($0.id, item.item) }, company: item.company)
        }
        let keptPicks = picks.map { pick in
            PickRounds(
                stage: pick.stage, company: pick.companyRounds,
                departments: pick.departmentRounds.filter { !hides($0.id, pick.stage) })
        }
        return RoundsAnalysis(
            criteria: criteria, criteriaRecorded: criteriaRecorded, items: keptItems, picks: keptPicks)
    }

    /// Every round in which a department's figures on a rating item or a pick
    /// stage are built from some but fewer than `minimum` answers: those
    /// figures are withheld, and so are the answers behind them (the exports'
    /// answer lists leave them out). Empty without a minimum.
    public func smallRounds(_ minimum: Int?) -> Set<SmallRound> {
        guard let minimum else { return [] }
        var small: Set<SmallRound> = []
        for item in items {
            for department in item.departments {
                for figures in department.rounds.rounds where SmallGroups.withholds(figures.stats.n, minimum: minimum) {
                    small.insert(SmallRound(department: department.id, id: item.item, round: figures.round))
                }
            }
        }
        for pick in picks {
            for (index, round) in pick.departments.enumerated() {
                for (department, stats) in round where SmallGroups.withholds(stats.n, minimum: minimum) {
                    small.insert(SmallRound(department: department, id: pick.stage, round: index + 1))
                }
            }
        }
        return small
    }
}

/// One department's figures on a rating item or pick stage (`id`) in one round.
public struct SmallRound: Sendable, Hashable {
    public let department: String
    public let id: String
    public let round: Int

    public init(department: String, id: String, round: Int) {
        self.department = department
        self.id = id
        self.round = round
    }
}
