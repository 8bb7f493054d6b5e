import AtelierCore

/// Round 1 → round 2 (→ 3 ...) side by side under `results` and `consensus`
/// for a stage that had more than one round: one compact line per group, the
/// company first ("Marketing  median 2 → 3 · IQR 2 → 1 · converged"), the
/// verdict by the criteria in force (`RoundsAnalysis`). A stage with a single
/// round gets no such lines: its `results` and `consensus` print as before.
public enum RoundMovesView {
    /// `results` of a rating or pick stage: the detailed tally of the current
    /// round, each item followed by its rounds when the stage had several.
    /// `rounds` is what the screen may show (`RoundsAnalysis.shown`, or the
    /// whole analysis when the facilitator asked for `all`).
    public static func results(
        stage: Stage, analysis: Analysis, rounds: RoundsAnalysis, state: SessionState, context: TerminalContext
    ) -> [String] {
        guard state.round(of: stage.id) > 1 else {
            return TallyView.lines(stage: stage, analysis: analysis, state: state, context: context, detailed: true)
        }
        switch stage.kind {
        case .rating:
            return stage.items.flatMap { item in
                TallyView.lines(
                    stage: stage, items: [item.id], analysis: analysis, state: state, context: context, detailed: true)
                    + self.item(item.id, rounds: rounds, analysis: analysis, context: context)
            }
        case .pick:
            return TallyView.lines(stage: stage, analysis: analysis, state: state, context: context, detailed: true)
                + pick(stage, rounds: rounds, analysis: analysis, context: context)
        case .intro, .strategy, .discussion:
            return []
        }
    }

    /// A rating item's rounds, one line per group; none with a single round.
    public static func item(
        _ id: String, rounds: RoundsAnalysis, analysis: Analysis, context: TerminalContext
    ) -> [String] {
        guard let item = rounds.items.first(where: { $0.item == id }), item.company.rounds.count > 1 else {
            return []
        }
        let catalog = context.catalog
        let names = names(analysis)
        let groups =
            [(catalog.text("analysis.view.company"), item.company)]
            + item.departments.map { (names[$0.id] ?? $0.id, $0.rounds) }
        let rows = groups.map { name, group -> (String, [String]) in
            let stats = group.rounds.map(\.stats)
            let verdict = group.verdict.map { catalog.text("analysis.rounds.verdict.\($0.rawValue)") } ?? "–"
            return (
                name,
                [
                    catalog.text("analysis.rounds.view.move.median", ["values": values(stats.map(\.median), catalog)]),
                    catalog.text("analysis.rounds.view.move.iqr", ["values": values(stats.map(\.iqr), catalog)]),
                    verdict,
                ]
            )
        }
        return block(count: item.company.rounds.count, rows, context)
            + left(out: item.departments.map(\.id), analysis: analysis, context: context)
    }

    /// A pick stage's rounds: per group, the most chosen option and its share
    /// (the pick's agreement) round by round and the verdict, then how many
    /// of the company changed their pick; none with a single round.
    public static func pick(
        _ stage: Stage, rounds: RoundsAnalysis, analysis: Analysis, context: TerminalContext
    ) -> [String] {
        guard let pick = rounds.picks.first(where: { $0.stage == stage.id }), pick.company.count > 1 else {
            return []
        }
        let catalog = context.catalog
        let names = names(analysis)
        let groups =
            [(catalog.text("analysis.view.company"), pick.companyRounds)]
            + pick.departmentRounds.map { (names[$0.id] ?? $0.id, $0.rounds) }
        let rows = groups.map { name, group -> (String, [String]) in
            let modes = RoundsView.arrows(group.rounds.map { RoundsView.mode($0.stats, stage, catalog) })
            let verdict = group.verdict.map { catalog.text("analysis.rounds.verdict.\($0.rawValue)") } ?? "–"
            return (
                name,
                [
                    catalog.text("analysis.rounds.view.move.mode", ["values": .text(modes)]),
                    catalog.text(
                        "analysis.rounds.view.move.agreement",
                        ["values": values(group.rounds.map(\.agreement), catalog)]),
                    verdict,
                ]
            )
        }
        let changed = RoundsView.arrows(pick.changes.map { "\($0.changed)/\($0.pairs)" })
        return block(count: pick.company.count, rows, context)
            + context.wrap(catalog.text("analysis.rounds.view.changed_picks", ["changes": .text(changed)]), indent: 4)
            + left(out: pick.departmentRounds.map(\.id), analysis: analysis, context: context)
    }

    /// The heading, then a line per group: its name, then its parts joined
    /// by `·`, in columns. When the lines would not fit the width with every
    /// name whole, each group's name takes a line and its parts follow below
    /// it, as many whole parts to a line as fit. Nothing is cut.
    static func block(count: Int, _ rows: [(name: String, parts: [String])], _ context: TerminalContext) -> [String] {
        let rounds = RoundsView.arrows((1...count).map(String.init))
        var out = context.wrap(context.text("analysis.rounds.view.moves", ["rounds": .text(rounds)]), indent: 2)
        let parts = rows.first?.parts.count ?? 0
        // The name, an empty column (two spaces after the name, one around each dot), the parts.
        let columns =
            [TableLayout.Column("", .label(minimum: 8)), TableLayout.Column("")]
            + (0..<parts).flatMap { index in
                (index > 0 ? [TableLayout.Column("")] : []) + [TableLayout.Column("")]
            }
        let cells = rows.map { row in
            [row.name, ""] + row.parts.enumerated().flatMap { index, part in (index > 0 ? ["·"] : []) + [part] }
        }
        let layout = TableLayout(columns, cells: cells, width: .max / 2, indent: 4, gap: 1)
        if layout.lineWidth <= context.width {
            return out + cells.map { layout.row($0) }
        }
        for row in rows {
            out += context.wrap(row.name, indent: 4)
            // Whole parts to a line; the next line starts with the dot.
            var line = ""
            for part in row.parts {
                let longer = line.isEmpty ? part : line + " · " + part
                if line.isEmpty || 6 + AnalysisLayout.visibleCount(longer) <= context.width {
                    line = longer
                } else {
                    out += context.wrap(line, indent: 6)
                    line = "· " + part
                }
            }
            out += context.wrap(line, indent: 6)
        }
        return out
    }

    /// The line naming the departments left out of these rounds because one
    /// of their rounds holds fewer answers than the session's minimum.
    static func left(out kept: [String], analysis: Analysis, context: TerminalContext) -> [String] {
        let missing = analysis.departments.filter { !kept.contains($0.id) }.map(\.name)
        guard let minimum = analysis.minGroup, !missing.isEmpty else { return [] }
        let text = context.text(
            "analysis.rounds.view.withheld", ["count": .count(minimum), "departments": .list(missing)])
        return context.wrap(text, indent: 4)
    }

    /// `2 → 2.5 → 3`: each round's figure with the decimals it needs (at most
    /// two), a dash for a round without one.
    static func values(_ figures: [Double?], _ catalog: Catalog) -> MessageValue {
        .text(RoundsView.arrows(figures.map { $0.map { number($0, catalog) } ?? "–" }))
    }

    /// A number with as few decimals as it needs, at most two: medians are
    /// whole or halves, quartiles quarters.
    static func number(_ value: Double, _ catalog: Catalog) -> String {
        let digits = [0, 1].first { digits in
            let scale = digits == 0 ? 1.0 : 10.0
            return (value * scale).rounded() == value * scale
        }
        return catalog.format(value, digits: digits ?? 2)
    }

    static func names(_ analysis: Analysis) -> [String: String] {
        Dictionary(analysis.departments.map { ($0.id, $0.name) }) { first, _ in first }
    }
}
