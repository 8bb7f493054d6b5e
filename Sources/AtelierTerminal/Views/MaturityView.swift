import AtelierCore

/// The `maturity` command: each department's level and the company's, with
/// the sentence that explains it and the level's advice.
public enum MaturityView {
    public static func lines(analysis: Analysis, state: SessionState, context: TerminalContext) -> [String] {
        let catalog = context.catalog
        let width = context.width
        var out = AnalysisLayout.wrap(catalog.text("analysis.view.maturity.title"), width: width)
        let units =
            analysis.departments.map { ($0.name, $0.maturity) }
            + [(catalog.text("analysis.view.company"), analysis.company.maturity)]
        let nameWidth = min(24, units.map(\.0.count).max() ?? 0) + 2
        for (name, result) in units {
            out.append("")
            guard let result else {
                out.append("  " + AnalysisLayout.left(name, nameWidth) + "–")
                continue
            }
            out.append("  " + AnalysisLayout.left(name, nameWidth) + result.label.text(catalog.language))
            out += AnalysisLayout.wrap(catalog.render(result.reason), width: width, indent: 4)
            let level = state.workshop.maturity.levels.first { $0.id == result.level }
            if let advice = level?.recommendation?.text(catalog.language) {
                let text = catalog.text("analysis.view.recommendation", ["text": .text(advice)])
                out += AnalysisLayout.wrap(text, width: width, indent: 4)
            }
        }
        return out
    }
}
