import AtelierCore

/// `atelier sessions --workshop ID`: a workshop's stored sessions as a
/// history. First the company, a row per session (its date, maturity level
/// and median on each rating item, items by id), then the same table for
/// each department; "–" where a department was absent or a value undefined.
/// Tables fitted to the terminal's width by `TableLayout`.
public enum TrendView {
    public static func lines(trend: Trend, dates: [String], context: TerminalContext) -> [String] {
        let catalog = context.catalog
        var out: [String] = []
        let columns =
            [
                TableLayout.Column(catalog.text("trend.column.session")),
                TableLayout.Column(catalog.text("trend.column.date")),
                TableLayout.Column(catalog.text("trend.column.level"), .label(minimum: 6)),
            ] + trend.items.map { TableLayout.Column($0, rightAligned: true) }
        for unit in trend.units {
            if !out.isEmpty { out.append("") }
            out += context.wrap(unit.id == nil ? catalog.text("analysis.view.company") : unit.name)
            let rows = unit.points.enumerated().map { index, point in
                [
                    trend.sessions[index], dates[index],
                    point?.maturity.map { $0.label.text(catalog.language) } ?? "–",
                ] + trend.items.indices.map { item in number(point?.medians[item], catalog) }
            }
            let layout = TableLayout(columns, cells: rows, width: context.width)
            out.append(layout.header)
            out += rows.map { layout.row($0) }
        }
        return out
    }

    /// A median with as few decimals as it needs (at most two), or "–".
    static func number(_ value: Double?, _ catalog: Catalog) -> String {
        guard let value else { return "–" }
        var text = catalog.format(value, digits: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(catalog.decimalSeparator) { text.removeLast(catalog.decimalSeparator.count) }
        return text
    }
}
