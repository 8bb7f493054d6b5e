import AtelierCore

/// The live tally of a stage: one row per department and one for the
/// company, the distribution as bars, n and the median (plus IQR, consensus
/// and whether consensus is reached, for `results`). Fits `width` columns.
public enum TallyView {
    static let nameWidth = 16

    /// - Parameters:
    ///   - items: the rating items to show (all the stage's when nil).
    ///   - detailed: the `results` form, with the spread columns and the legend.
    public static func lines(
        stage: Stage, items: [String]? = nil, analysis: Analysis, state: SessionState, catalog: Catalog,
        style: Style = .plain, detailed: Bool = false, width: Int = 80
    ) -> [String] {
        let table = Table(analysis: analysis, catalog: catalog, style: style, detailed: detailed, width: width)
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
        let catalog: Catalog
        let style: Style
        let detailed: Bool
        let width: Int
        var language: String { catalog.language }

        /// A right-aligned column after the distribution: its title and width.
        struct Tail {
            let title: String
            let width: Int
        }

        func column(_ name: String, _ args: [String: MessageValue] = [:]) -> String {
            catalog.text("analysis.view.column.\(name)", args)
        }

        func rating(_ item: Item, scale: Scale, threshold: Double) -> [String] {
            var tails = [Tail(title: column("n"), width: 4), Tail(title: column("median"), width: 8)]
            if detailed {
                let reached = column("reached", ["threshold": .text(catalog.format(threshold, digits: 1))])
                tails += [
                    Tail(title: column("iqr"), width: 6), Tail(title: column("consensus"), width: 6),
                    Tail(title: reached, width: max(8, reached.count + 1)),
                ]
            }
            let points = Array(scale.points)
            let widths = cellWidths(points.map(String.init), used: tails.map(\.width).reduce(0, +))
            var out = [""] + title("\(item.label.text(language)) (\(item.id))")
            out.append(style.dim(trimmed(header(points.map(String.init), widths) + tailHeader(tails))))
            for department in analysis.departments {
                out.append(ratingRow(department.name, department.ratings[item.id], widths, tails, company: false))
            }
            out.append(rule(widths, tails.map(\.width).reduce(0, +)))
            let company = catalog.text("analysis.view.company")
            out.append(ratingRow(company, analysis.company.ratings[item.id], widths, tails, company: true))
            if detailed {
                let legend = points.map { "\($0) \(scale.label($0)?.text(language) ?? "")" }
                out += Legend.lines(legend, width: width).map(style.dim)
            }
            return out
        }

        func pick(_ stage: Stage) -> [String] {
            let modeWidth = 18
            let options = stage.options.map(\.id)
            let widths = cellWidths(options, used: 4 + 2 + modeWidth)
            var out = [""] + title("\(stage.title.text(language)) (\(stage.id))")
            let tail = AnalysisLayout.right(column("n"), 4) + "  " + column("mode")
            out.append(style.dim(trimmed(header(options, widths) + tail)))
            for department in analysis.departments {
                out.append(pickRow(department.name, department.picks[stage.id], stage, widths, company: false))
            }
            out.append(rule(widths, 4 + 2 + modeWidth))
            let company = catalog.text("analysis.view.company")
            out.append(pickRow(company, analysis.company.picks[stage.id], stage, widths, company: true))
            if detailed {
                let legend = stage.options.map { "\($0.id): \($0.label.text(language))" }
                out += Legend.lines(legend, width: width).map(style.dim)
            }
            return out
        }

        func title(_ text: String) -> [String] {
            AnalysisLayout.wrap(text, width: width, indent: 2).map(style.bold)
        }

        /// The width of each distribution cell: a bar, a space, the count (2
        /// columns) and a gap; as wide as its heading when the line allows.
        func cellWidths(_ headings: [String], used: Int) -> [Int] {
            let available = width - 2 - nameWidth - used
            let uniform = max(5, min(12, available / max(1, headings.count)))
            let fitted = headings.map { max(7, $0.count + 1) }
            let spare = available - fitted.reduce(0, +)
            guard spare >= 0, fitted.contains(where: { $0 > uniform }) else {
                return Array(repeating: uniform, count: headings.count)
            }
            return fitted.map { $0 + spare / headings.count }
        }

        func header(_ labels: [String], _ widths: [Int]) -> String {
            var line = String(repeating: " ", count: 2 + nameWidth)
            for (label, size) in zip(labels, widths) {
                line += AnalysisLayout.left(AnalysisLayout.fit(label, size - 1), size)
            }
            return line
        }

        func tailHeader(_ tails: [Tail]) -> String {
            tails.map { AnalysisLayout.right($0.title, $0.width) }.joined()
        }

        func rule(_ widths: [Int], _ tail: Int) -> String {
            let length = nameWidth + widths.reduce(0, +) + tail
            return style.dim("  " + String(repeating: "─", count: min(width - 2, length)))
        }

        /// Every bar has the same length for the same share, whatever its cell's width.
        func cells(_ counts: [Int], n: Int, _ widths: [Int]) -> String {
            let barWidth = (widths.min() ?? 5) - 4
            return zip(counts, widths).map { count, size -> String in
                guard count > 0, n > 0 else { return AnalysisLayout.left("·", size) }
                let bar = Bars.bar(Double(count) / Double(n), width: barWidth)
                return style.cyan(bar) + AnalysisLayout.left(AnalysisLayout.right(String(count), 3), size - barWidth)
            }.joined()
        }

        func name(_ text: String, company: Bool) -> String {
            let cell = AnalysisLayout.left(AnalysisLayout.fit(text, nameWidth - 1), nameWidth)
            return "  " + (company ? style.bold(cell) : cell)
        }

        func ratingRow(_ title: String, _ stats: ItemStats?, _ widths: [Int], _ tails: [Tail], company: Bool)
            -> String
        {
            let n = stats?.n ?? 0
            var line = name(title, company: company) + cells(stats?.distribution ?? [], n: n, widths)
            var values = [String(n), AnalysisLayout.number(stats?.median, catalog, digits: 1)]
            if detailed {
                values += [
                    AnalysisLayout.number(stats?.iqr, catalog, digits: 1),
                    AnalysisLayout.number(stats?.consensus, catalog, digits: 2),
                ]
            }
            for (value, tail) in zip(values, tails) { line += AnalysisLayout.right(value, tail.width) }
            if detailed, let size = tails.last?.width {
                switch stats?.consensusReached {
                case true?: line += AnalysisLayout.right("", size - 1) + style.green("✓")
                case false?: line += AnalysisLayout.right("", size - 1) + style.yellow("✗")
                case nil: line += AnalysisLayout.right("–", size)
                }
            }
            return trimmed(line)
        }

        func pickRow(_ title: String, _ stats: PickStats?, _ stage: Stage, _ widths: [Int], company: Bool) -> String {
            let n = stats?.n ?? 0
            let counts = stage.options.map { stats?.count($0.id) ?? 0 }
            var line = name(title, company: company) + cells(counts, n: n, widths) + AnalysisLayout.right(String(n), 4)
            let modes = stats?.modes ?? []
            // The room taken on screen, from the layout: `line.count` would count colours' escape codes.
            let used = 2 + nameWidth + widths.reduce(0, +) + 4
            line += "  " + (modes.isEmpty ? "–" : AnalysisLayout.fit(modes.joined(separator: "/"), width - used - 2))
            return trimmed(line)
        }

        func trimmed(_ line: String) -> String {
            String(line.reversed().drop { $0 == " " }.reversed())
        }
    }
}
