import AtelierCore

/// `atelier benchmark SESSION`: where the session's company and each of its
/// departments stand among the other sessions of the workshop. One table:
/// a row for the maturity level and one per rating item (by id), each with
/// the unit's value, its percentile and how many values that rests on; "–"
/// where a value is undefined or has nothing to be placed among.
public enum BenchmarkView {
    public static func lines(benchmark: Benchmark, state: SessionState, context: TerminalContext) -> [String] {
        let catalog = context.catalog
        var out = context.wrap(
            catalog.render(
                LocalizedMessage(
                    "benchmark.title",
                    [
                        "session": .text(benchmark.session), "workshop": .text(state.workshop.id),
                        "count": .count(benchmark.others),
                    ])))
        let columns = [
            TableLayout.Column(catalog.text("benchmark.column.what"), .label(minimum: 6)),
            TableLayout.Column(catalog.text("benchmark.column.value"), rightAligned: true),
            TableLayout.Column(catalog.text("benchmark.column.percentile"), rightAligned: true),
            TableLayout.Column(catalog.text("benchmark.column.basis"), rightAligned: true),
        ]
        for unit in benchmark.units {
            out.append("")
            out += context.wrap(unit.id == nil ? catalog.text("analysis.view.company") : unit.name)
            var rows = [row(catalog.text("trend.column.level"), unit.maturity, catalog)]
            if let level = unit.level {
                rows[0][1] = level.label.text(catalog.language)
            }
            for (index, item) in benchmark.items.enumerated() {
                rows.append(row(item, unit.medians[index], catalog))
            }
            let layout = TableLayout(columns, cells: rows, width: context.width)
            out.append(layout.header)
            out += rows.map { layout.row($0) }
        }
        return out
    }

    private static func row(_ label: String, _ placement: Placement?, _ catalog: Catalog) -> [String] {
        guard let placement else { return [label, "–", "–", "–"] }
        return [
            label, TrendView.number(placement.value, catalog), catalog.format(placement.percentile, digits: 0),
            "\(placement.basis)",
        ]
    }
}
