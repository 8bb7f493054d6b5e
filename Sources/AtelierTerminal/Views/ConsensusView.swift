import AtelierCore

/// The `consensus` command: for each rating item and pick stage, the company
/// and each department, then Krippendorff's alpha, with plain words. An item
/// or pick stage that had more than one round is followed by its rounds side
/// by side (`RoundMovesView`) when `rounds` is given.
public enum ConsensusView {
    public static func lines(
        analysis: Analysis, state: SessionState, context: TerminalContext, rounds: RoundsAnalysis? = nil
    ) -> [String] {
        let workshop = state.workshop
        let catalog = context.catalog
        let language = context.language
        var out = context.wrap(catalog.text("analysis.view.consensus.title"))
        let groups =
            [(catalog.text("analysis.view.company"), analysis.company.ratings, analysis.company.picks)]
            + analysis.departments.map { ($0.name, $0.ratings, $0.picks) }
        for stage in workshop.stages {
            switch stage.kind {
            case .rating:
                for item in stage.items {
                    out.append("")
                    out += context.wrap("\(item.label.text(language)) (\(item.id))")
                    let threshold = AnalysisLayout.number(workshop.analysis.consensusIQR, catalog, digits: 1)
                    let headers =
                        ["n", "median", "iqr", "consensus"].map { catalog.text("analysis.view.column.\($0)") }
                        + [catalog.text("analysis.view.column.reached", ["threshold": .text(threshold)])]
                    let rows = groups.compactMap { name, ratings, _ in
                        ratings[item.id].map { [name] + ratingCells($0, catalog) }
                    }
                    out += table(headers, catalog.text("analysis.view.column.reading"), rows, context)
                    if let rounds {
                        out += RoundMovesView.item(item.id, rounds: rounds, analysis: analysis, context: context)
                    }
                }
            case .pick:
                out.append("")
                out += context.wrap("\(stage.title.text(language)) (\(stage.id))")
                let headers = ["n", "share", "entropy"].map { catalog.text("analysis.view.column.\($0)") }
                let rows = groups.compactMap { name, _, picks in
                    picks[stage.id].map { [name] + pickCells($0, stage, catalog) }
                }
                out += table(headers, catalog.text("analysis.view.column.mode"), rows, context)
                if let rounds {
                    out += RoundMovesView.pick(stage, rounds: rounds, analysis: analysis, context: context)
                }
            case .intro, .strategy, .discussion:
                continue
            }
        }
        out.append("")
        out += alphaLines(analysis.company, workshop: workshop, context: context)
        return out
    }

    /// The name, right-aligned numbers under `headers`, then the reading.
    static func table(_ headers: [String], _ tail: String, _ rows: [[String]], _ context: TerminalContext)
        -> [String]
    {
        let columns =
            [TableLayout.Column("", .label(minimum: 8))] + headers.map { TableLayout.Column($0, rightAligned: true) }
            + [TableLayout.Column(tail, .text(minimum: 8))]
        let layout = TableLayout(columns, cells: rows, width: context.width)
        return [layout.header] + rows.map { layout.row($0) }
    }

    static func ratingCells(_ stats: ItemStats, _ catalog: Catalog) -> [String] {
        let reached = stats.consensusReached.map { catalog.text($0 ? "analysis.view.yes" : "analysis.view.no") } ?? "–"
        let reading = catalog.render(AgreementReading(stats).message)
        return [
            String(stats.n), AnalysisLayout.number(stats.median, catalog, digits: 1),
            AnalysisLayout.number(stats.iqr, catalog, digits: 2),
            AnalysisLayout.number(stats.consensus, catalog, digits: 2), reached, reading,
        ]
    }

    static func pickCells(_ stats: PickStats, _ stage: Stage, _ catalog: Catalog) -> [String] {
        let modes = stats.modes.map { stage.option($0)?.label.text(catalog.language) ?? $0 }
        let mode = modes.isEmpty ? catalog.text("analysis.view.no_answer") : catalog.list(modes)
        return [
            String(stats.n), AnalysisLayout.number(stats.modeShare, catalog, digits: 2),
            AnalysisLayout.number(stats.normalizedEntropy, catalog, digits: 2), mode,
        ]
    }

    static func alphaLines(_ company: CompanyAnalysis, workshop: Workshop, context: TerminalContext) -> [String] {
        let catalog = context.catalog
        let pickStages = workshop.stages.filter { $0.kind == .pick }.map(\.id)
        let lines = [
            ("analysis.view.alpha_ordinal", "items", Analysis.ordinalAlphaItems(workshop), company.alphaOrdinal),
            ("analysis.view.alpha_nominal", "stages", pickStages, company.alphaNominal),
        ]
        return lines.flatMap { key, name, units, alpha in
            let text = catalog.text(
                key,
                [
                    name: .list(units), "value": .text(AnalysisLayout.number(alpha, catalog, digits: 3)),
                    "reading": .message(ReliabilityReading(alpha: alpha).message),
                ])
            return context.wrap(text, indent: 2)
        }
    }
}
