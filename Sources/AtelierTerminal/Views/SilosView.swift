import AtelierCore

/// The `silos` command: one entry per finding, most severe first, with the
/// workshop's advice, then the awareness matrix (who knows whose strategy).
public enum SilosView {
    public static func lines(analysis: Analysis, state: SessionState, context: TerminalContext) -> [String] {
        let catalog = context.catalog
        let width = context.width
        var out = AnalysisLayout.wrap(catalog.text("analysis.view.silos.title"), width: width)
        if analysis.silos.isEmpty { out.append("  " + catalog.text("analysis.view.silos.none")) }
        for finding in analysis.silos {
            let kind = catalog.text("analysis.kind.\(finding.kind.rawValue)")
            let head =
                "  " + catalog.format(finding.severity, digits: 2) + "  "
                + catalog.text("analysis.view.silos.kind", ["kind": .text(kind)]) + " "
            out += AnalysisLayout.wrap(catalog.render(finding.message), width: width, indent: 8, first: head)
            if let advice = finding.recommendation?.text(catalog.language) {
                let text = catalog.text("analysis.view.recommendation", ["text": .text(advice)])
                out += AnalysisLayout.wrap(text, width: width, indent: 8)
            }
        }
        out.append("")
        return out + awareness(state, context: context)
    }

    /// Rows know the strategy of columns: ✓ known, · not known; * marks a
    /// department that declared a strategy. Columns that do not fit the width
    /// are left out and counted.
    static func awareness(_ state: SessionState, context: TerminalContext) -> [String] {
        let catalog = context.catalog
        let width = context.width
        var out = AnalysisLayout.wrap(catalog.text("analysis.view.awareness.title"), width: width)
        let departments = state.departments
        guard !departments.isEmpty else { return out + ["  " + catalog.text("analysis.view.awareness.empty")] }
        let known = Set(state.knows.map { "\($0.from)\u{1F}\($0.to)" })
        let number = String(departments.count).count
        let cell = number + 1
        let nameWidth = min(20, departments.map(\.name.count).max() ?? 0) + 1
        let prefix = 2 + number + 1 + nameWidth
        let shown = max(1, min(departments.count, (width - prefix) / cell))
        var header = String(repeating: " ", count: prefix)
        for index in 0..<shown { header += AnalysisLayout.right(String(index + 1), cell) }
        out.append(header)
        for (row, department) in departments.enumerated() {
            let declared = state.strategies[department.id]?.isEmpty == false
            var line =
                "  " + AnalysisLayout.right(String(row + 1), number) + " "
                + AnalysisLayout.left(
                    AnalysisLayout.fit(department.name, nameWidth - 1) + (declared ? "*" : ""), nameWidth)
            for column in 0..<shown {
                let mark: String
                if column == row {
                    mark = "-"
                } else {
                    mark = known.contains("\(department.id)\u{1F}\(departments[column].id)") ? "✓" : "·"
                }
                line += AnalysisLayout.right(mark, cell)
            }
            out.append(line)
        }
        if shown < departments.count {
            out.append(
                "  " + catalog.text("analysis.view.awareness.more", ["count": .count(departments.count - shown)]))
        }
        return out
    }
}
