import AtelierCore

/// What every format reads, put in the order the exports present it:
/// workshop order for stages and items, the order departments were added,
/// join order for participants, journal order for answers.
struct ExportContext: ReportWording {
    let state: SessionState
    let analysis: Analysis
    let catalog: Catalog

    var workshop: Workshop { state.workshop }

    /// The rounds of every stage (docs/analysis.md, Rounds).
    var rounds: RoundsAnalysis { RoundsAnalysis.shown(state) }

    /// Whether the exports carry the rounds, the criteria and the methods: for
    /// a session that recorded its criteria at its start or had a second
    /// round. A session recorded before rounds existed exports as it did.
    var showsRounds: Bool { state.recordedCriteria != nil || state.rounds.values.contains { $0 > 1 } }

    /// An `export.` message of the catalog.
    func label(_ key: String, _ args: [String: MessageValue] = [:]) -> String { exportLabel(key, args) }

    // MARK: - Workshop

    var ratingItems: [(stage: Stage, item: Item)] { workshop.ratingItems }
    var ratingStages: [Stage] { workshop.stages.filter { $0.kind == .rating } }
    var pickStages: [Stage] { workshop.stages.filter { $0.kind == .pick } }
    var hasStrategyStage: Bool { workshop.stages.contains { $0.kind == .strategy } }

    func scale(ofItem item: String) -> Scale? {
        workshop.stage(holdingItem: item).flatMap { workshop.scale(of: $0) }
    }

    func stageTitle(_ id: String) -> String {
        workshop.stage(id).map { text($0.title) } ?? id
    }

    func optionLabel(stage: String, option: String) -> String {
        workshop.stage(stage)?.option(option).map { text($0.label) } ?? option
    }

    func maturityLevel(_ id: String) -> MaturityLevel? {
        workshop.maturity.levels.first { $0.id == id }
    }

    func recommendation(_ finding: SiloFinding) -> String? { finding.recommendation.map { text($0) } }

    // MARK: - Session

    var departments: [DepartmentAnalysis] { analysis.departments }

    func departmentName(_ id: String) -> String {
        state.department(id)?.name ?? analysis.departments.first { $0.id == id }?.name ?? id
    }

    func members(of department: String) -> [String] { state.members(of: department).map(\.name) }

    var participantCount: Int { state.participantOrder.count }

    func strategies(of department: String) -> [String] { (state.strategies[department] ?? []).map(\.text) }

    /// The departments whose strategy this one says it knows, in department order.
    func knows(_ department: String) -> [String] {
        state.departments.map(\.id).filter { state.knows(department, $0) }
    }

    /// The departments this one believes it shares its strategy with.
    func sharesWith(_ department: String) -> [String] {
        state.departments.map(\.id).filter { state.shares(department, $0) }
    }

    /// The departments that say they know this one's strategy.
    func knownBy(_ department: String) -> [String] {
        state.departments.map(\.id).filter { state.knows($0, department) }
    }

    /// Every answer still standing (undone ones are gone), changed ones
    /// included, in journal order; those behind a withheld figure (a small
    /// group's, in the current round or an earlier one) left out.
    var answers: [AnswerRow] {
        var rows: [AnswerRow] = []
        for (stage, item) in ratingItems {
            for (rater, history) in state.ratings[item.id] ?? [:] {
                for (index, answer) in history.enumerated() {
                    rows.append(
                        AnswerRow(
                            seq: answer.seq, time: answer.time, rater: rater,
                            department: state.department(of: rater), stage: stage.id, item: item.id,
                            value: String(answer.value), current: index == history.count - 1, round: answer.round))
                }
            }
        }
        for stage in pickStages {
            for (rater, history) in state.picks[stage.id] ?? [:] {
                for (index, answer) in history.enumerated() {
                    rows.append(
                        AnswerRow(
                            seq: answer.seq, time: answer.time, rater: rater,
                            department: state.department(of: rater), stage: stage.id, item: nil,
                            value: answer.option, current: index == history.count - 1, round: answer.round))
                }
            }
        }
        // An earlier round's small group too: its figures are left out of the rounds, so are its answers.
        let small =
            analysis.minGroup == nil || state.rounds.isEmpty
            ? [] : RoundsAnalysis.of(state).smallRounds(analysis.minGroup)
        return rows.filter { row in
            guard let department = row.department else { return true }
            let id = row.item ?? row.stage
            return !withholds(department, id)
                && !small.contains(SmallRound(department: department, id: id, round: row.round))
        }.sorted { $0.seq < $1.seq }
    }

    /// True when the figures of this department on this rating item or pick
    /// stage are withheld (`SmallGroups`): its answers are left out too.
    func withholds(_ department: String?, _ id: String) -> Bool {
        guard analysis.minGroup != nil, let department else { return false }
        return analysis.withholds(department: department, id)
    }

    /// "fewer than 3 answers", where a withheld figure would be.
    var withheldText: String { catalog.text("small_group.withheld", ["count": .count(analysis.minGroup ?? 0)]) }

    /// Everyone who answered: per department, its own voice first, then its
    /// participants in join order; raters of a department that is gone last.
    var raters: [Rater] {
        var answered = Set<Rater>()
        for history in state.ratings.values { answered.formUnion(history.filter { !$0.value.isEmpty }.keys) }
        for history in state.picks.values { answered.formUnion(history.filter { !$0.value.isEmpty }.keys) }
        var ordered: [Rater] = []
        for department in state.departments {
            let voices = [Rater.department(department.id)] + members(of: department.id).map { .participant($0) }
            ordered += voices.filter { answered.contains($0) }
        }
        let placed = Set(ordered)
        return ordered + answered.subtracting(placed).sorted()
    }

    func latestRating(_ rater: Rater, item: String) -> Int? {
        withholds(state.department(of: rater), item) ? nil : state.ratings[item]?[rater]?.last?.value
    }

    func latestPick(_ rater: Rater, stage: String) -> String? {
        withholds(state.department(of: rater), stage) ? nil : state.picks[stage]?[rater]?.last?.option
    }

    /// The groups set apart in the silo map: those of a `fragmented`
    /// finding (which holds the departments with a strategy), each department
    /// left out joining the first group it is linked to by `knows`; else all
    /// departments together.
    var departmentGroups: [[String]] {
        let ids = state.departments.map(\.id)
        guard let fragmented = analysis.silos.first(where: { $0.kind == .fragmented }), !fragmented.groups.isEmpty
        else { return ids.isEmpty ? [] : [ids] }
        var groups = fragmented.groups
        for id in ids where !groups.contains(where: { $0.contains(id) }) {
            let linked = groups.firstIndex { group in
                group.contains { state.knows(id, $0) || state.knows($0, id) }
            }
            if let linked { groups[linked].append(id) } else { groups.append([id]) }
        }
        return groups
    }

}

/// One line of the answer log.
struct AnswerRow: Hashable {
    let seq: Int64
    let time: Timestamp
    let rater: Rater
    let department: String?
    let stage: String
    /// The rating item; nil for a pick.
    let item: String?
    /// The rating value, or the option picked.
    let value: String
    /// False when the same rater changed this answer later.
    let current: Bool
    /// The round of its stage it was given in.
    let round: Int

    var participant: String? {
        if case .participant(let name) = rater { return name }
        return nil
    }
}
