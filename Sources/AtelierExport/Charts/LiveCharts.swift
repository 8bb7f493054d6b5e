import AtelierCore

/// The export's charts and sentences for a live view (the projector page of
/// AtelierWeb): the same drawings and figures as the HTML export, as text
/// to inline in another page. Every text in them is escaped.
public enum LiveCharts {
    /// The silo map (inline SVG, its classes styled by the page).
    public static func siloMap(state: SessionState, analysis: Analysis, catalog: Catalog) -> String {
        svg(SiloMap(context: ExportContext(state: state, analysis: analysis, catalog: catalog)).render())
    }

    /// The summary's "at a glance" lines, as the exports word them (plain text, not escaped).
    public static func glance(state: SessionState, analysis: Analysis, catalog: Catalog) -> [String] {
        let c = ExportContext(state: state, analysis: analysis, catalog: catalog)
        var lines = [c.turnout]
        if let maturity = analysis.company.maturity {
            lines.append(c.label("company_maturity") + " — " + c.render(maturity.reason))
        }
        lines.append(c.label("agreement_overall") + c.colon + c.alphaWords(analysis.company.alphaOrdinal))
        for stage in c.pickStages {
            lines.append(c.text(stage.title) + c.colon + c.pickSentence(stage: stage))
        }
        lines.append(c.label("md.findings", ["count": .count(analysis.silos.count)]))
        return lines
    }

    private static func svg(_ markup: Markup) -> String {
        var out = ""
        markup.render(into: &out)
        return out
    }
}
