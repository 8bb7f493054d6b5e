extension StrategyGraph {
    /// A strategy requirement of the maturity model, for one department.
    func requirement(_ requirement: StrategyRequirement, department index: Int) -> MaturityPlacement.Finding {
        guard hasStrategy(index) else {
            return .init(holds: false, words: LocalizedMessage("analysis.rule.not_declared"))
        }
        switch requirement {
        case .declared:
            return .init(
                holds: true, words: LocalizedMessage("analysis.rule.declared", ["count": .count(declared[index])]))
        case .shared:
            let holds = isKnownByHalf(index)
            let args: [String: MessageValue] = [
                "known": .count(knowers[index]), "others": .count(count - 1), "count": .count(count - 1),
            ]
            let key =
                count == 1
                ? "analysis.rule.alone"
                : holds
                    ? "analysis.rule.known"
                    : knowers[index] == 0 ? "analysis.rule.known_by_none" : "analysis.rule.not_known"
            return .init(holds: holds, words: LocalizedMessage(key, args))
        }
    }

    /// A strategy requirement for the company: `declared` when every
    /// department present declared a strategy; `shared` when, besides, each is
    /// known by at least half of the others. Never holds without a department.
    func companyRequirement(_ requirement: StrategyRequirement) -> MaturityPlacement.Finding {
        guard count > 0 else {
            return .init(holds: false, words: LocalizedMessage("analysis.rule.no_department"))
        }
        let silent = (0..<count).filter { !hasStrategy($0) }.map { departments[$0].name }
        guard silent.isEmpty else {
            let args: [String: MessageValue] = ["departments": .list(silent), "count": .count(silent.count)]
            return .init(holds: false, words: LocalizedMessage("analysis.rule.some_not_declared", args))
        }
        switch requirement {
        case .declared:
            return .init(holds: true, words: LocalizedMessage("analysis.rule.all_declared"))
        case .shared:
            let unknown = (0..<count).filter { !isKnownByHalf($0) }.map { departments[$0].name }
            guard unknown.isEmpty else {
                return .init(
                    holds: false,
                    words: LocalizedMessage("analysis.rule.some_not_known", ["departments": .list(unknown)]))
            }
            return .init(holds: true, words: LocalizedMessage("analysis.rule.all_known"))
        }
    }
}
