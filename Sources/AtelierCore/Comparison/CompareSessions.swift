extension Comparison {
    /// The comparison of `before` with `after`, two sessions of the same
    /// workshop (the caller checks the workshop id). Pure.
    public static func of(before: ComparedSession, after: ComparedSession) -> Comparison {
        let shared = SharedDefinition(before.workshop, after.workshop)
        let beforeDepartments = before.analysis.departments
        let afterDepartments = after.analysis.departments
        let beforeIDs = Set(beforeDepartments.map(\.id))
        let afterIDs = Set(afterDepartments.map(\.id))
        let departments = afterDepartments.compactMap { department -> UnitChange? in
            guard let old = beforeDepartments.first(where: { $0.id == department.id }) else { return nil }
            return shared.unit(
                id: department.id, name: department.name,
                before: (old.ratings, old.picks, old.maturity),
                after: (department.ratings, department.picks, department.maturity))
        }
        let company = shared.unit(
            id: nil, name: "",
            before: (before.analysis.company.ratings, before.analysis.company.picks, before.analysis.company.maturity),
            after: (after.analysis.company.ratings, after.analysis.company.picks, after.analysis.company.maturity))
        let common = afterDepartments.map(\.id).filter(beforeIDs.contains)
        var awareness: [AwarenessChange] = []
        for from in common {
            for to in common where to != from {
                awareness.append(
                    AwarenessChange(
                        from: from, to: to, before: before.state.knows(from, to), after: after.state.knows(from, to)))
            }
        }
        return Comparison(
            before: before, after: after, company: company, departments: departments,
            onlyBefore: beforeDepartments.filter { !afterIDs.contains($0.id) }.map {
                LoneDepartment(id: $0.id, name: $0.name)
            },
            onlyAfter: afterDepartments.filter { !beforeIDs.contains($0.id) }.map {
                LoneDepartment(id: $0.id, name: $0.name)
            },
            silos: SiloMatch.changes(before: before.analysis.silos, after: after.analysis.silos),
            awareness: awareness, notCompared: shared.notCompared, items: shared.items, pickStages: shared.pickStages)
    }
}

/// What two versions of a workshop share: stages and items by id, a rating
/// item only when its scale has the same points in both.
struct SharedDefinition {
    var items: [(stage: Stage, item: Item)] = []
    var pickStages: [Stage] = []
    /// Per pick stage id, the options both offer, in the after order.
    var options: [String: [String]] = [:]
    var notCompared: [NotCompared] = []

    init(_ before: Workshop, _ after: Workshop) {
        let beforeStages = Set(before.stages.map(\.id))
        let afterStages = Set(after.stages.map(\.id))
        notCompared += before.stages.filter { !afterStages.contains($0.id) }.map { .stage(id: $0.id, inBefore: true) }
        notCompared += after.stages.filter { !beforeStages.contains($0.id) }.map { .stage(id: $0.id, inBefore: false) }
        let beforeItems = before.ratingItems
        for (stage, item) in after.ratingItems {
            guard let old = beforeItems.first(where: { $0.item.id == item.id }) else {
                if beforeStages.contains(stage.id) { notCompared.append(.item(id: item.id, inBefore: false)) }
                continue
            }
            let scale = after.scale(of: stage)
            let oldScale = before.scale(of: old.stage)
            guard let scale, let oldScale, scale.min == oldScale.min, scale.max == oldScale.max else {
                notCompared.append(.scaleChanged(item: item.id))
                continue
            }
            items.append((stage, item))
        }
        let afterItems = Set(after.ratingItems.map(\.item.id))
        for (stage, item) in beforeItems where !afterItems.contains(item.id) && afterStages.contains(stage.id) {
            notCompared.append(.item(id: item.id, inBefore: true))
        }
        for stage in after.stages where stage.kind == .pick {
            guard let old = before.stage(stage.id), old.kind == .pick else { continue }
            let oldOptions = old.options.map(\.id)
            let newOptions = stage.options.map(\.id)
            options[stage.id] = newOptions.filter(oldOptions.contains)
            notCompared += oldOptions.filter { !newOptions.contains($0) }.map {
                .option(stage: stage.id, id: $0, inBefore: true)
            }
            notCompared += newOptions.filter { !oldOptions.contains($0) }.map {
                .option(stage: stage.id, id: $0, inBefore: false)
            }
            pickStages.append(stage)
        }
        if before.maturity.levels.map(\.id) != after.maturity.levels.map(\.id) {
            notCompared.append(.maturityLevels)
        }
    }

    typealias Side = (ratings: [String: ItemStats], picks: [String: PickStats], maturity: MaturityResult?)

    func unit(id: String?, name: String, before: Side, after: Side) -> UnitChange {
        let ratings = items.compactMap { stage, item -> ItemChange? in
            guard let old = before.ratings[item.id], let new = after.ratings[item.id] else { return nil }
            return ItemChange(
                stage: stage.id, item: item.id, before: old, after: new,
                shift: MannWhitney.test(before: old.distribution, after: new.distribution))
        }
        let picks = pickStages.compactMap { stage -> PickChange? in
            guard let old = before.picks[stage.id], let new = after.picks[stage.id] else { return nil }
            return PickChange(stage: stage.id, options: options[stage.id] ?? [], before: old, after: new)
        }
        return UnitChange(
            id: id, name: name, ratings: ratings, picks: picks, maturityBefore: before.maturity,
            maturityAfter: after.maturity)
    }
}

/// How silo findings of two sessions are matched: by kind and by the
/// departments the finding is about — the department itself for
/// `unshared_strategy`, `no_strategy` and `divergent_position`, the pair
/// (who believes, who does not know) for `believed_shared`, nothing more for
/// `fragmented` (one per session at most). The other departments a finding
/// names (who is unaware, the groups) may change while it persists.
enum SiloMatch {
    static func key(_ finding: SiloFinding) -> String {
        let subject: [String]
        switch finding.kind {
        case .unsharedStrategy, .noStrategy, .divergentPosition: subject = Array(finding.departments.prefix(1))
        case .believedShared: subject = Array(finding.departments.prefix(2))
        case .fragmented: subject = []
        }
        return ([finding.kind.rawValue] + subject).joined(separator: "\u{1F}")
    }

    static func changes(before: [SiloFinding], after: [SiloFinding]) -> SiloChanges {
        let beforeKeys = Dictionary(before.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let afterKeys = Set(after.map(key))
        return SiloChanges(
            resolved: before.filter { !afterKeys.contains(key($0)) },
            new: after.filter { beforeKeys[key($0)] == nil },
            persisting: after.compactMap { finding in
                beforeKeys[key(finding)].map { SiloPair(before: $0, after: finding) }
            })
    }
}
