import AtelierCore

/// `atelier sessions --workshop ID`: a workshop's stored sessions as a
/// history. First the company, a row per session (its date, maturity level
/// and median on each rating item, items by id), then the same table for
/// each department; "–" where a department was absent or a value undefined.
public enum TrendView {
    public static func lines(
        trend: Trend, dates: [String], catalog: Catalog, width: Int = 80
    ) -> [String] {
        var out: [String] = []
        for unit in trend.units {
            if !out.isEmpty { out.append("") }
            let name = unit.id == nil ? catalog.text("analysis.view.company") : unit.name
            out += AnalysisLayout.wrap(name, width: width)
            let header =
                ["session", "date", "level"].map { catalog.text("trend.column." + $0) } + trend.items
            var rows = [header]
            for (index, point) in unit.points.enumerated() {
                var row = [trend.sessions[index], dates[index]]
                row.append(point?.maturity.map { $0.label.text(catalog.language) } ?? "–")
                row += trend.items.indices.map { item in
                    guard let median = point?.medians[item] else { return "–" }
                    return number(median, catalog)
                }
                rows.append(row)
            }
            let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                let cells = row.indices.map { column in
                    // Text columns to the left, numbers to the right.
                    column < 3
                        ? AnalysisLayout.left(row[column], widths[column])
                        : AnalysisLayout.right(row[column], widths[column])
                }
                var line = "  " + cells.joined(separator: "  ")
                while line.last == " " { line.removeLast() }
                out.append(line)
            }
        }
        return out
    }

    /// A median: whole or with as few decimals as it needs (at most two).
    static func number(_ value: Double, _ catalog: Catalog) -> String {
        var text = catalog.format(value, digits: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(catalog.decimalSeparator) { text.removeLast(catalog.decimalSeparator.count) }
        return text
    }
}
