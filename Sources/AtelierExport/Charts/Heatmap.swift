import AtelierCore

/// Departments × rating items: each cell is the department's median,
/// shaded along the item's scale; the company's row comes last, set apart.
struct Heatmap {
    let context: ExportContext

    static let labelWidth = 180.0
    static let cellWidth = 112.0
    static let cellHeight = 34.0
    static let headerHeight = 64.0

    func render() -> Markup {
        let c = context
        let items = c.ratingItems
        let rows: [(name: String, ratings: [String: ItemStats], company: Bool)] =
            c.departments.map { ($0.name, $0.ratings, false) } + [
                (c.label("company"), c.analysis.company.ratings, true)
            ]
        let width = Self.labelWidth + Double(items.count) * Self.cellWidth + 8
        let height = Self.headerHeight + Double(rows.count) * Self.cellHeight + 12 + 30
        var children: [Markup] = []
        for (column, entry) in items.enumerated() {
            let x = Self.labelWidth + (Double(column) + 0.5) * Self.cellWidth
            let lines = SVG.wrap(c.text(entry.item.label), width: 17, maxLines: 3)
            let top = Self.headerHeight - 8 - Double(lines.count - 1) * 13
            children.append(SVG.lines(lines, x: x, y: top, lineHeight: 13, anchor: "middle", cls: "axis"))
        }
        for (index, row) in rows.enumerated() {
            let y = Self.headerHeight + Double(index) * Self.cellHeight + (row.company ? 12 : 0)
            // A long name (up to 40 characters) on two lines of what 172 px hold.
            let name = SVG.wrap(row.name, width: 22, maxLines: 2)
            let cls = row.company ? "label strong" : "label"
            children.append(
                name.count == 1
                    ? SVG.text(name[0], x: Self.labelWidth - 8, y: y + Self.cellHeight / 2 + 4, anchor: "end", cls: cls)
                    : SVG.lines(
                        name, x: Self.labelWidth - 8, y: y + Self.cellHeight / 2 - 2.5, lineHeight: 13, anchor: "end",
                        cls: cls))
            for (column, entry) in items.enumerated() {
                children.append(cell(row.ratings[entry.item.id], item: entry.item.id, column: column, y: y))
            }
        }
        children.append(legend(y: height - 18))
        return SVG.chart(id: "chart-heatmap", width: width, height: height, title: c.label("html.heatmap"), children)
    }

    private func cell(_ stats: ItemStats?, item: String, column: Int, y: Double) -> Markup {
        let x = Self.labelWidth + Double(column) * Self.cellWidth
        guard let median = stats?.median, let scale = context.scale(ofItem: item) else {
            return .el(
                "g", [("class", "cell empty")],
                [
                    SVG.rect(
                        x: x + 1, y: y + 1, width: Self.cellWidth - 2, height: Self.cellHeight - 2, fill: "#f2f2f2"),
                    SVG.text("–", x: x + Self.cellWidth / 2, y: y + Self.cellHeight / 2 + 4, anchor: "middle"),
                ])
        }
        let fraction = (median - Double(scale.min)) / Double(scale.max - scale.min)
        return .el(
            "g", [("class", "cell"), ("data-item", item)],
            [
                SVG.rect(
                    x: x + 1, y: y + 1, width: Self.cellWidth - 2, height: Self.cellHeight - 2,
                    fill: SVG.sequential(fraction)),
                SVG.text(
                    context.number(median), x: x + Self.cellWidth / 2, y: y + Self.cellHeight / 2 + 4, anchor: "middle",
                    cls: SVG.needsLightText(fraction) ? "value light" : "value"),
            ])
    }

    private func legend(y: Double) -> Markup {
        var children: [Markup] = []
        for step in 0...4 {
            let fraction = Double(step) / 4
            children.append(SVG.rect(x: Double(step) * 28, y: y, width: 26, height: 14, fill: SVG.sequential(fraction)))
        }
        children.append(SVG.text(context.label("html.heatmap_legend"), x: 5 * 28 + 8, y: y + 11, cls: "small"))
        return .el("g", [("class", "legend")], children)
    }

}
