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

        func column(_ name: String, _ args: [String: MessageValue] = [:]) -> String {
            catalog.text("analysis.view.column.\(name)", args)
        }

        /// Department rows then the company's, each as (name, cells, tail cells).
        func rating(_ item: Item, scale: Scale, threshold: Double) -> [String] {
            var tails = [("n", 4), ("median", 8)].map { (column($0.0), $0.1) }
            if detailed {
                let reached = column("reached", ["threshold": .text(catalog.format(threshold, digits: 1))])
                tails += [(column("iqr"), 6), (column("consensus"), 6), (reached, max(8, reached.count + 1))]
            }
            let points = Array(scale.points)
            let cellWidth = cellWidth(count: points.count, tails: tails, minimum: 5)
            var out = [""] + AnalysisLayout.wrap("\(item.label.text(language)) (\(item.id))", width: width, indent: 2)
                .map(style.bold)
            out.append(header(points.map(String.init), cellWidth: cellWidth, tails: tails))
            let units = analysis.departments.map { ($0.name, $0.ratings[item.id]) }
            for (name, stats) in units {
                out.append(ratingRow(name, stats, cellWidth: cellWidth, tails: tails, company: false))
            }
            out.append(rule(cellWidth: cellWidth, count: points.count, tails: tails))
            out.append(
                ratingRow(
                    catalog.text("analysis.view.company"), analysis.company.ratings[item.id], cellWidth: cellWidth,
                    tails: tails, company: true))
            if detailed {
                let legend = points.map { "\($0) \(scale.label($0)?.text(language) ?? "")" }
                out += Legend.lines(legend, width: width).map(style.dim)
            }
            return out
        }

        func pick(_ stage: Stage) -> [String] {
            let tails = [(column("n"), 4), (column("mode"), 16)]
            let options = stage.options.map(\.id)
            let cellWidth = cellWidth(count: options.count, tails: tails, minimum: 5)
            var out = [""] + AnalysisLayout.wrap("\(stage.title.text(language)) (\(stage.id))", width: width, indent: 2)
                .map(style.bold)
            out.append(header(options, cellWidth: cellWidth, tails: tails))
            for department in analysis.departments {
                out.append(pickRow(department.name, department.picks[stage.id], stage, cellWidth, tails, company: false))
            }
            out.append(rule(cellWidth: cellWidth, count: options.count, tails: tails))
            out.append(
                pickRow(
                    catalog.text("analysis.view.company"), analysis.company.picks[stage.id], stage, cellWidth, tails,
                    company: true))
            if detailed {
                let legend = stage.options.map { "\($0.id): \($0.label.text(language))" }
                out += Legend.lines(legend, width: width).map(style.dim)
            }
            return out
        }

        /// Each distribution cell: a bar, a space and the count (2 columns), then a gap.
        func cellWidth(count: Int, tails: [(String, Int)], minimum: Int) -> Int {
            let available = width - 2 - nameWidth - tails.map(\.1).reduce(0, +)
            return max(minimum, min(12, available / max(1, count)))
        }

        func header(_ labels: [String], cellWidth: Int, tails: [(String, Int)]) -> String {
            var line = String(repeating: " ", count: 2 + nameWidth)
            for label in labels { line += AnalysisLayout.left(AnalysisLayout.fit(label, cellWidth - 1), cellWidth) }
            for (title, size) in tails.dropLast() { line += AnalysisLayout.right(title, size) }
            if let (title, size) = tails.last {
                line += tails.count == 2 && size > 8 ? "  " + AnalysisLayout.left(title, size - 2) : AnalysisLayout.right(title, size)
            }
            return style.dim(trimmed(line))
        }

        func rule(cellWidth: Int, count: Int, tails: [(String, Int)]) -> String {
            let length = nameWidth + cellWidth * count + tails.map(\.1).reduce(0, +)
            return style.dim("  " + String(repeating: "─", count: min(width - 2, length)))
        }

        func cells(_ counts: [Int], n: Int, cellWidth: Int) -> String {
            counts.map { count -> String in
                guard count > 0, n > 0 else { return AnalysisLayout.left("·", cellWidth) }
                let barWidth = cellWidth - 4
                let bar = Bars.bar(Double(count) / Double(n), width: barWidth)
                return style.cyan(bar) + AnalysisLayout.right(String(count), 3) + " "
            }.joined()
        }

        func name(_ text: String, company: Bool) -> String {
            let cell = AnalysisLayout.left(text, nameWidth)
            return "  " + (company ? style.bold(cell) : cell)
        }

        func ratingRow(_ title: String, _ stats: ItemStats?, cellWidth: Int, tails: [(String, Int)], company: Bool)
            -> String
        {
            let n = stats?.n ?? 0
            let counts = stats?.distribution ?? []
            var line = name(title, company: company) + cells(counts, n: n, cellWidth: cellWidth)
            var values = [String(n), AnalysisLayout.number(stats?.median, catalog, digits: 1)]
            if detailed {
                values += [
                    AnalysisLayout.number(stats?.iqr, catalog, digits: 1),
                    AnalysisLayout.number(stats?.consensus, catalog, digits: 2),
                ]
            }
            for (value, (_, size)) in zip(values, tails) { line += AnalysisLayout.right(value, size) }
            if detailed, let size = tails.last?.1 {
                switch stats?.consensusReached {
                case true?: line += AnalysisLayout.right("", size - 1) + style.green("✓")
                case false?: line += AnalysisLayout.right("", size - 1) + style.yellow("✗")
                case nil: line += AnalysisLayout.right("–", size)
                }
            }
            return trimmed(line)
        }

        func pickRow(
            _ title: String, _ stats: PickStats?, _ stage: Stage, _ cellWidth: Int, _ tails: [(String, Int)],
            company: Bool
        ) -> String {
            let n = stats?.n ?? 0
            let counts = stage.options.map { stats?.count($0.id) ?? 0 }
            var line = name(title, company: company) + cells(counts, n: n, cellWidth: cellWidth)
            line += AnalysisLayout.right(String(n), tails[0].1)
            let modes = stats?.modes ?? []
            line += "  " + (modes.isEmpty ? "–" : AnalysisLayout.fit(modes.joined(separator: "/"), tails[1].1 - 2))
            return trimmed(line)
        }

        func trimmed(_ line: String) -> String {
            String(line.reversed().drop { $0 == " " }.reversed())
        }
    }
}
