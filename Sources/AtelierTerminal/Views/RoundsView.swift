import AtelierCore

/// The `rounds [STAGE]` command: for each item of a stage, per department and
/// for the company, round 1 → round 2 → ... side by side ("median 2 → 3, IQR
/// 2 → 1, converged"), within the terminal's width; then the criteria in force.
public enum RoundsView {
    public static func lines(
        stage: Stage, rounds: RoundsAnalysis, analysis: Analysis, context: TerminalContext
    ) -> [String] {
        let catalog = context.catalog
        let language = context.language
        var out = context.wrap(
            catalog.text(
                "analysis.rounds.view.title", ["title": .text(stage.title.text(language)), "stage": .text(stage.id)]))
        let names = Dictionary(analysis.departments.map { ($0.id, $0.name) }) { first, _ in first }
        switch stage.kind {
        case .rating:
            let items = rounds.items.filter { $0.stage == stage.id }
            guard let count = items.first?.company.rounds.count, count > 1 else {
                return out + context.wrap(catalog.text("analysis.rounds.view.single", ["stage": .text(stage.id)]))
            }
            for item in items {
                out.append("")
                let label = stage.item(item.item)?.label.text(language) ?? item.item
                out += context.wrap("\(label) (\(item.item))")
                let groups =
                    [(catalog.text("analysis.view.company"), item.company)]
                    + item.departments.map { (names[$0.id] ?? $0.id, $0.rounds) }
                let headers = ["n", "median", "iqr", "agreement", "kept"].map {
                    catalog.text("analysis.rounds.view.column.\($0)")
                }
                let rows = groups.map { name, group in [name] + cells(group, catalog) }
                out += ConsensusView.table(headers, catalog.text("analysis.rounds.view.column.verdict"), rows, context)
                out += RoundMovesView.left(out: item.departments.map(\.id), analysis: analysis, context: context)
            }
        case .pick:
            guard let pick = rounds.picks.first(where: { $0.stage == stage.id }), pick.company.count > 1 else {
                return out + context.wrap(catalog.text("analysis.rounds.view.single", ["stage": .text(stage.id)]))
            }
            out.append("")
            let groups =
                [(catalog.text("analysis.view.company"), pick.company)]
                + analysis.departments.compactMap { department in
                    // A department withheld as a small group has no rounds here.
                    let stats = pick.departments.compactMap { $0[department.id] }
                    return stats.isEmpty ? nil : (department.name, stats)
                }
            let headers = ["n"].map { catalog.text("analysis.rounds.view.column.\($0)") }
            let rows = groups.map { name, stats in
                [name, arrows(stats.map { String($0.n) }), arrows(stats.map { mode($0, stage, catalog) })]
            }
            out += ConsensusView.table(headers, catalog.text("analysis.rounds.view.column.mode"), rows, context)
            let changed = pick.changes.map { "\($0.changed)/\($0.pairs)" }
            out += context.wrap(catalog.text("analysis.rounds.view.changed_picks", ["changes": .text(arrows(changed))]))
            let kept = analysis.departments.map(\.id).filter { id in pick.departments.allSatisfy { $0[id] != nil } }
            out += RoundMovesView.left(out: kept, analysis: analysis, context: context)
        case .intro, .strategy, .discussion:
            return out + context.wrap(catalog.text("analysis.rounds.view.single", ["stage": .text(stage.id)]))
        }
        out.append("")
        out += context.wrap(criteriaLine(rounds, catalog))
        return out
    }

    /// One group's cells: n, median, IQR and agreement round by round, the
    /// share who kept their answer in the last step, and the verdict.
    static func cells(_ group: GroupRounds, _ catalog: Catalog) -> [String] {
        let stats = group.rounds.map(\.stats)
        let kept = group.steps.last?.stability.keptShare
        let verdict = group.verdict.map { catalog.text("analysis.rounds.verdict.\($0.rawValue)") } ?? "–"
        return [
            arrows(stats.map { String($0.n) }),
            arrows(stats.map { AnalysisLayout.number($0.median, catalog, digits: 1) }),
            arrows(stats.map { AnalysisLayout.number($0.iqr, catalog, digits: 2) }),
            arrows(group.rounds.map { AnalysisLayout.number($0.agreement, catalog, digits: 2) }),
            AnalysisLayout.number(kept, catalog, digits: 2), verdict,
        ]
    }

    static func mode(_ stats: PickStats, _ stage: Stage, _ catalog: Catalog) -> String {
        stats.modes.isEmpty ? "–" : stats.modes.map { stage.option($0)?.id ?? $0 }.joined(separator: "/")
    }

    /// `a → b → c`.
    static func arrows(_ values: [String]) -> String { values.joined(separator: " → ") }

    /// The criteria the verdicts apply, and whether the session fixed them at its start.
    public static func criteriaLine(_ rounds: RoundsAnalysis, _ catalog: Catalog) -> String {
        let source = rounds.criteriaRecorded ? "recorded" : "workshop"
        return catalog.text(
            "analysis.rounds.view.criteria_\(source)", ["criteria": .text(criteriaText(rounds.criteria, catalog))])
    }

    /// `IQR ≤ 1, agreement [3, 4] ≥ 0.7, ...`, in the catalog's language.
    public static func criteriaText(_ criteria: ConsensusCriteria, _ catalog: Catalog) -> String {
        criteria.described(catalog) { AnalysisLayout.number($0, catalog, digits: 2) }
    }
}
