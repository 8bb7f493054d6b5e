import AtelierCore

/// The `consensus` command: for each rating item and pick stage, the company
/// and each department, then Krippendorff's alpha, with plain words.
public enum ConsensusView {
    static let nameWidth = 16
    static let ratingColumns = [5, 8, 7, 6, 9]
    static let pickColumns = [5, 7, 8]

    public static func lines(analysis: Analysis, state: SessionState, catalog: Catalog, width: Int = 80) -> [String] {
        let workshop = state.workshop
        let language = catalog.language
        var out = AnalysisLayout.wrap(catalog.text("analysis.view.consensus.title"), width: width)
        let groups =
            [(catalog.text("analysis.view.company"), analysis.company.ratings, analysis.company.picks)]
            + analysis.departments.map { ($0.name, $0.ratings, $0.picks) }
        for stage in workshop.stages {
            switch stage.kind {
            case .rating:
                for item in stage.items {
                    out.append("")
                    out += AnalysisLayout.wrap("\(item.label.text(language)) (\(item.id))", width: width)
                    let threshold = AnalysisLayout.number(workshop.analysis.consensusIQR, catalog, digits: 1)
                    let headers =
                        ["n", "median", "iqr", "consensus"].map { catalog.text("analysis.view.column.\($0)") }
                        + [catalog.text("analysis.view.column.reached", ["threshold": .text(threshold)])]
                    out.append(row("", headers, catalog.text("analysis.view.column.reading"), ratingColumns, width))
                    for (name, ratings, _) in groups {
                        guard let stats = ratings[item.id] else { continue }
                        out.append(ratingRow(name, stats, catalog, width))
                    }
                }
            case .pick:
                out.append("")
                out += AnalysisLayout.wrap("\(stage.title.text(language)) (\(stage.id))", width: width)
                let headers = ["n", "share", "entropy"].map { catalog.text("analysis.view.column.\($0)") }
                out.append(row("", headers, catalog.text("analysis.view.column.mode"), pickColumns, width))
                for (name, _, picks) in groups {
                    guard let stats = picks[stage.id] else { continue }
                    out.append(pickRow(name, stats, stage, catalog, width))
                }
            case .intro, .strategy, .discussion:
                continue
            }
        }
        out.append("")
        out += alphaLines(analysis.company, workshop: workshop, catalog: catalog, width: width)
        return out
    }

    static func row(_ name: String, _ cells: [String], _ tail: String, _ columns: [Int], _ width: Int) -> String {
        var line = "  " + AnalysisLayout.left(name, nameWidth)
        for (cell, column) in zip(cells, columns) { line += AnalysisLayout.right(cell, column) }
        line += "  "
        return line + AnalysisLayout.fit(tail, max(0, width - line.count))
    }

    static func ratingRow(_ name: String, _ stats: ItemStats, _ catalog: Catalog, _ width: Int) -> String {
        let reached = stats.consensusReached.map { catalog.text($0 ? "analysis.view.yes" : "analysis.view.no") } ?? "–"
        let cells = [
            String(stats.n), AnalysisLayout.number(stats.median, catalog, digits: 1),
            AnalysisLayout.number(stats.iqr, catalog, digits: 2),
            AnalysisLayout.number(stats.consensus, catalog, digits: 2), reached,
        ]
        let reading = catalog.render(AgreementReading(stats).message)
        return row(name, cells, reading, ratingColumns, width)
    }

    static func pickRow(_ name: String, _ stats: PickStats, _ stage: Stage, _ catalog: Catalog, _ width: Int) -> String
    {
        let cells = [
            String(stats.n), AnalysisLayout.number(stats.modeShare, catalog, digits: 2),
            AnalysisLayout.number(stats.normalizedEntropy, catalog, digits: 2),
        ]
        let modes = stats.modes.map { stage.option($0)?.label.text(catalog.language) ?? $0 }
        let mode = modes.isEmpty ? catalog.text("analysis.view.no_answer") : catalog.list(modes)
        return row(name, cells, mode, pickColumns, width)
    }

    static func alphaLines(_ company: CompanyAnalysis, workshop: Workshop, catalog: Catalog, width: Int) -> [String] {
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
            return AnalysisLayout.wrap(text, width: width, indent: 2)
        }
    }
}
