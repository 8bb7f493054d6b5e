import AtelierCore

/// The live tally of a stage: one row per department and one for the
/// company, the distribution as bars, n and the median (plus IQR, consensus
/// and whether consensus is reached, for `results`). Fits the context's
/// width; on a wide terminal the bars grow. On a screen too narrow for bars
/// (a phone's terminal, down to 30 columns) each answer shows as its count
/// alone, the spread columns are left out from the least needed, and a pick
/// stage's options are numbered under a key when their ids do not fit.
public enum TallyView {
    /// The narrowest a department's name is cut to.
    static let nameMinimum = 8
    /// The widest a bar's cell grows.
    static let cellMaximum = 24

    /// - Parameters:
    ///   - items: the rating items to show (all the stage's when nil).
    ///   - detailed: the `results` form, with the spread columns and the legend.
    ///   - legend: the scale's or options' labels under the table (by default with `detailed`);
    ///     a participant's narrow screen gets the labels without the spread columns.
    public static func lines(
        stage: Stage, items: [String]? = nil, analysis: Analysis, state: SessionState, context: TerminalContext,
        detailed: Bool = false, legend: Bool? = nil
    ) -> [String] {
        let table = Table(analysis: analysis, context: context, detailed: detailed, legend: legend ?? detailed)
        switch stage.kind {
        case .rating:
            guard let scale = state.workshop.scale(of: stage) else { return [] }
            let shown = stage.items.filter { items?.contains($0.id) ?? true }
            return shown.flatMap { table.rating($0, scale: scale, threshold: state.workshop.analysis.consensusIQR) }
        case .pick:
            return table.pick(stage)
        case .intro, .strategy, .discussion:
            return []
        }
    }

    private struct Table {
        let analysis: Analysis
        let context: TerminalContext
        let detailed: Bool
        let legend: Bool
        var style: Style { context.style }
        var language: String { context.language }
        var company: String { context.text("analysis.view.company") }
        var names: [String] { analysis.departments.map(\.name) + [company] }

        func column(_ name: String, _ args: [String: MessageValue] = [:]) -> String {
            context.text("analysis.view.column.\(name)", args)
        }

        /// The name column, a cell per answer, then the `tails`.
        func layout(_ headings: [String], tails: [TableLayout.Column], tailCells: [[String]]) -> TableLayout {
            let cells = headings.map {
                TableLayout.Column($0, .fill(minimum: max(5, $0.count), maximum: TallyView.cellMaximum))
            }
            let rows = names.indices.map { [names[$0]] + headings.map { _ in "" } + tailCells[$0] }
            return TableLayout(
                [TableLayout.Column("", .label(minimum: TallyView.nameMinimum))] + cells + tails, cells: rows,
                width: context.width)
        }

        func rating(_ item: Item, scale: Scale, threshold: Double) -> [String] {
            let stats = analysis.departments.map { $0.ratings[item.id] } + [analysis.company.ratings[item.id]]
            var tails = [column("n"), column("median")]
            if detailed {
                tails += [
                    column("iqr"), column("consensus"),
                    column("reached", ["threshold": .text(context.catalog.format(threshold, digits: 1))]),
                ]
            }
            let values = stats.indices.map { tailValues(stats[$0], withheld: withholds($0, item.id)) }
            let points = scale.points.map(String.init)
            let tailColumns = tails.map { TableLayout.Column($0, rightAligned: true) }
            let table = layout(points, tails: tailColumns, tailCells: values)
            var out = [""] + title("\(item.label.text(language)) (\(item.id))")
            if table.lineWidth > context.width {
                // Without bars; IQR, consensus and the mark go first (the last first).
                out += narrow(
                    points, counts: stats.map { $0?.distribution ?? [] }, tails: tailColumns, tailCells: values,
                    leavingOut: detailed ? [4, 3, 2] : [], marks: stats.map(mark))
            } else {
                out.append(style.dim(table.header))
                for (index, stat) in stats.enumerated() {
                    let counts = stat?.distribution ?? []
                    if index == stats.count - 1 { out.append(style.dim(table.rule)) }
                    out.append(
                        row(table, index, counts: counts, n: stat?.n ?? 0, tail: values[index], mark: mark(stat)))
                }
            }
            out += withheldNote(item.id)
            if legend {
                let legend = scale.points.map { "\($0) \(scale.label($0)?.text(language) ?? "")" }
                out += Legend.lines(legend, width: context.width).map(style.dim)
            }
            return out
        }

        /// True when the row at `index` is a department whose figures on `id` are withheld.
        func withholds(_ index: Int, _ id: String) -> Bool {
            index < analysis.departments.count && analysis.departments[index].withheld.contains(id)
        }

        /// The line naming the departments withheld on this item or stage (`SmallGroups`).
        func withheldNote(_ id: String) -> [String] {
            guard let note = analysis.withheldNote(id) else { return [] }
            return AnalysisLayout.wrap(context.render(note), width: context.width, indent: 2).map(style.dim)
        }

        func tailValues(_ stats: ItemStats?, withheld: Bool = false) -> [String] {
            if withheld, let minGroup = analysis.minGroup {
                return ["<\(minGroup)"] + Array(repeating: "–", count: detailed ? 4 : 1)
            }
            var values = [String(stats?.n ?? 0), AnalysisLayout.number(stats?.median, context.catalog, digits: 1)]
            if detailed {
                values += [
                    AnalysisLayout.number(stats?.iqr, context.catalog, digits: 1),
                    AnalysisLayout.number(stats?.consensus, context.catalog, digits: 2),
                    stats?.consensusReached == nil ? "–" : "✓",
                ]
            }
            return values
        }

        /// Whether consensus is reached, coloured: the last tail cell of `results`.
        func mark(_ stats: ItemStats?) -> String? {
            guard detailed, let reached = stats?.consensusReached else { return nil }
            return reached ? style.green("✓") : style.yellow("✗")
        }

        func pick(_ stage: Stage) -> [String] {
            let stats = analysis.departments.map { $0.picks[stage.id] } + [analysis.company.picks[stage.id]]
            let tails = stats.indices.map { index -> [String] in
                let stat = stats[index]
                if withholds(index, stage.id), let minGroup = analysis.minGroup { return ["<\(minGroup)", "–"] }
                let modes = stat?.modes ?? []
                return [String(stat?.n ?? 0), modes.isEmpty ? "–" : modes.joined(separator: "/")]
            }
            let tailColumns = [TableLayout.Column(column("n"), rightAligned: true), TableLayout.Column(column("mode"))]
            let ids = stage.options.map(\.id)
            let table = layout(ids, tails: tailColumns, tailCells: tails)
            var out = [""] + title("\(stage.title.text(language)) (\(stage.id))")
            let counts = stats.map { stat in stage.options.map { stat?.count($0.id) ?? 0 } }
            var numbered = false
            if table.lineWidth > context.width {
                // Without bars, the most chosen left out if need be; the
                // options numbered when even their ids do not fit.
                var lines = narrow(ids, counts: counts, tails: tailColumns, tailCells: tails, leavingOut: [1])
                if lines.contains(where: { AnalysisLayout.visibleCount($0) > context.width }) {
                    numbered = true
                    let numbers = ids.indices.map { String($0 + 1) }
                    lines = narrow(numbers, counts: counts, tails: tailColumns, tailCells: tails, leavingOut: [1])
                }
                out += lines
            } else {
                out.append(style.dim(table.header))
                for (index, stat) in stats.enumerated() {
                    if index == stats.count - 1 { out.append(style.dim(table.rule)) }
                    out.append(
                        row(table, index, counts: counts[index], n: stat?.n ?? 0, tail: tails[index], mark: nil))
                }
            }
            out += withheldNote(stage.id)
            if legend || numbered {
                let labelled = legend
                let entries = stage.options.enumerated().map { index, option in
                    let entry = labelled ? "\(option.id): \(option.label.text(language))" : option.id
                    return numbered ? "\(index + 1) \(entry)" : entry
                }
                out += Legend.lines(entries, width: context.width).map(style.dim)
            }
            return out
        }

        /// The table without bars, one space between columns: the name, each
        /// answer's count under `headers`, then the tails, the columns of
        /// `optional` (tail indices, the least needed first) left out while
        /// the line is too long. `marks` colour the last tail cell.
        func narrow(
            _ headers: [String], counts: [[Int]], tails: [TableLayout.Column], tailCells: [[String]],
            leavingOut optional: [Int], marks: [String?] = []
        ) -> [String] {
            let columns =
                [TableLayout.Column("", .label(minimum: TallyView.nameMinimum))]
                + headers.map { TableLayout.Column($0, rightAligned: true) } + tails
            let rows = names.indices.map { index in
                [names[index]]
                    + headers.indices.map { point in
                        let count = point < counts[index].count ? counts[index][point] : 0
                        return count > 0 ? String(count) : "·"
                    } + tailCells[index]
            }
            let fitted = TableLayout.fitting(
                columns, cells: rows, width: context.width,
                leavingOut: optional.map { 1 + headers.count + $0 }, gap: 1)
            let last = columns.count - 1
            var out = [style.dim(fitted.header)]
            for (index, cells) in rows.enumerated() {
                if index == rows.count - 1 { out.append(style.dim(fitted.layout.rule)) }
                let mark = index < marks.count ? marks[index] : nil
                let kept = fitted.kept.map { cells[$0] }
                out.append(
                    fitted.layout.row(kept) { column, cell in
                        if column == 0 { return index == rows.count - 1 ? style.bold(cell) : cell }
                        if fitted.kept[column] == last, let mark { return String(cell.dropLast()) + mark }
                        return cell
                    })
            }
            return out
        }

        func title(_ text: String) -> [String] {
            AnalysisLayout.wrap(text, width: context.width, indent: 2).map(style.bold)
        }

        /// One row: the name (bold for the company), a bar and a count per
        /// answer, then the tail cells (the last one coloured by `mark`).
        /// Every bar has the same length for the same share, whatever its cell's width.
        func row(_ table: TableLayout, _ index: Int, counts: [Int], n: Int, tail: [String], mark: String?) -> String {
            let fills = 1...counts.count
            let barWidth = (fills.map { table.widths[$0] }.min() ?? 5) - 3
            let cells = counts.map { count -> String in
                guard count > 0, n > 0 else { return "·" }
                return Bars.bar(Double(count) / Double(n), width: barWidth) + AnalysisLayout.right(String(count), 3)
            }
            let company = index == names.count - 1
            let last = table.columns.count - 1
            return table.row([names[index]] + cells + tail) { column, cell in
                if column == 0 { return company ? style.bold(cell) : cell }
                if fills.contains(column) { return colourBar(cell, barWidth) }
                if column == last, let mark { return String(cell.dropLast()) + mark }
                return cell
            }
        }

        /// The bar part of a cell in cyan.
        func colourBar(_ cell: String, _ barWidth: Int) -> String {
            guard style.colour, cell.first != "·" else { return cell }
            return style.cyan(String(cell.prefix(barWidth))) + String(cell.dropFirst(barWidth))
        }
    }
}
