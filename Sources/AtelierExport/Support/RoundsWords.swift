import AtelierCore

/// What the Markdown and HTML exports say of the rounds: the rows of each
/// item's table, the criteria, and the methods paragraph (docs/export-formats.md).
extension ExportContext {
    /// The criteria in force, and when they were fixed.
    func criteriaSentence(_ rounds: RoundsAnalysis) -> String {
        let text = rounds.criteria.described(catalog) { number($0) }
        guard rounds.criteriaRecorded, let start = state.startedAt else {
            return label("rounds.criteria_workshop", ["criteria": .text(text)])
        }
        return label(
            "rounds.criteria_fixed",
            ["criteria": .text(text), "date": .text(UTCTime.date(start)), "time": .text(UTCTime.clock(start))])
    }

    /// The header of an item's rounds table.
    var roundsHeader: [String] {
        ["group", "n", "median", "iqr", "agreement", "met", "kept", "verdict"].map { label("rounds.column." + $0) }
    }

    /// One row per group (the company first): each figure round by round (`2 → 3`).
    func roundsRows(_ item: ItemRounds) -> [[String]] {
        let groups = [(label("company"), item.company)] + item.departments.map { (departmentName($0.id), $0.rounds) }
        return groups.map { name, group in
            let stats = group.rounds.map(\.stats)
            func arrows(_ values: [String]) -> String { values.joined(separator: " → ") }
            return [
                name, arrows(stats.map { String($0.n) }), arrows(stats.map { number($0.median, digits: 1) }),
                arrows(stats.map { number($0.iqr) }), arrows(group.rounds.map { number($0.agreement) }),
                arrows(group.rounds.map { label($0.check.allMet ? "yes" : "no") }),
                number(group.steps.last?.stability.keptShare),
                group.verdict.map { catalog.text("analysis.rounds.verdict." + $0.rawValue) } ?? label("undefined"),
            ]
        }
    }

    /// The header of a pick stage's rounds table.
    var pickRoundsHeader: [String] {
        ["group", "n", "mode", "agreement", "met", "kept_pick", "verdict"].map { label("rounds.column." + $0) }
    }

    /// One row per group of a pick stage (the company first): the counts'
    /// n, the most chosen option(s), the agreement (their share) and the
    /// criteria met round by round, the share who kept their pick in the last
    /// step, and the verdict (docs/analysis.md, Rounds).
    func pickRoundsRows(_ pick: PickRounds) -> [[String]] {
        let groups =
            [(label("company"), pick.companyRounds)] + pick.departmentRounds.map { (departmentName($0.id), $0.rounds) }
        return groups.map { name, group in
            func arrows(_ values: [String]) -> String { values.joined(separator: " → ") }
            let modes = group.rounds.map { figures in
                figures.stats.modes.isEmpty
                    ? label("undefined")
                    : figures.stats.modes.map { optionLabel(stage: pick.stage, option: $0) }.joined(separator: ", ")
            }
            let met = group.rounds.map { figures -> String in
                let check = figures.check
                guard check.agreement != nil || check.stability != nil else { return label("undefined") }
                return label(check.allMet ? "yes" : "no")
            }
            return [
                name, arrows(group.rounds.map { String($0.stats.n) }), arrows(modes),
                arrows(group.rounds.map { number($0.agreement) }), arrows(met), number(group.steps.last?.keptShare),
                group.verdict.map { catalog.text("analysis.rounds.verdict." + $0.rawValue) } ?? label("undefined"),
            ]
        }
    }

    /// The methods paragraph: who answered, how many per department, which
    /// measures, which thresholds, how many rounds.
    var methodsParagraph: String {
        let rounds = self.rounds
        let perDepartment = departments.map { department in
            label(
                "methods.department", ["name": .text(department.name), "count": .count(department.participants.count)])
        }
        var sentences = [
            label(
                "methods.who",
                [
                    "participants": .count(participantCount), "departments": .count(state.departments.count),
                    "list": .text(catalog.list(perDepartment)),
                ]),
            label("methods.measures"),
            criteriaSentence(rounds),
        ]
        let reopened = workshop.stages.filter { state.round(of: $0.id) > 1 }
        if reopened.isEmpty {
            sentences.append(label("methods.single_round"))
        } else {
            let list = reopened.map {
                label(
                    "methods.stage_rounds", ["title": .text(text($0.title)), "count": .count(state.round(of: $0.id))])
            }
            sentences.append(label("methods.rounds", ["list": .text(catalog.list(list))]))
        }
        return sentences.joined(separator: " ")
    }
}
