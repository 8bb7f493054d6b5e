import AtelierCore

/// The end summary's heatmap on the projector: one row per department and
/// one for the company, one column per rating item, each cell the median
/// shaded along the item's scale — the HTML export's heatmap, as a table in
/// the projector's text size (the drawn chart's labels were about 20 px at
/// 1920×1080; a table keeps every word at 28 px or more).
struct MedianTable {
    let state: SessionState
    let analysis: Analysis
    let catalog: Catalog
    /// A median as the tallies write it.
    let number: (Double) -> String

    var language: String { catalog.language }

    func html() -> String {
        let items = state.workshop.ratingItems
        var head = HTML.el("th", [("scope", "col")], "")
        for entry in items {
            head += HTML.el("th", [("scope", "col")], HTML.text(entry.item.label.text(language)))
        }
        var body = ""
        let rows =
            analysis.departments.map { (name: $0.name, ratings: $0.ratings, company: false) } + [
                (name: catalog.text("analysis.view.company"), ratings: analysis.company.ratings, company: true)
            ]
        for row in rows {
            var cells = HTML.el("th", [("scope", "row")], HTML.text(row.name))
            for entry in items {
                cells += cell(row.ratings[entry.item.id], stage: entry.stage)
            }
            body += HTML.el("tr", [("class", row.company ? "company" : nil)], cells)
        }
        return HTML.el(
            "table", [("class", "medians")], HTML.el("thead", [], HTML.el("tr", [], head)) + HTML.el("tbody", [], body))
    }

    /// The median, shaded in five steps from the bottom of the scale (pale) to its top (dark).
    func cell(_ stats: ItemStats?, stage: Stage) -> String {
        guard let median = stats?.median, let scale = state.workshop.scale(of: stage),
            let low = scale.points.min(), let high = scale.points.max(), high > low
        else { return HTML.el("td", [("class", "empty")], "–") }
        let fraction = (median - Double(low)) / Double(high - low)
        let shade = Int((min(1, max(0, fraction)) * 4).rounded())
        return HTML.el("td", [("class", "shade-\(shade)")], HTML.text(number(median)))
    }
}
