import AtelierCore

/// An item's movement between rounds: one row per group (the company, then
/// each department), a dot at the median of each round on the scale, a bar
/// joining the first round's to the last's (a dumbbell), the last dot filled.
struct DumbbellChart {
    let context: ExportContext
    let item: ItemRounds

    func render() -> Markup {
        let c = context
        guard let scale = c.scale(ofItem: item.item) else { return .raw("") }
        let groups =
            [(c.label("company"), item.company)] + item.departments.map { (c.departmentName($0.id), $0.rounds) }
        let left = 150.0
        let width = 460.0
        let rowHeight = 22.0
        let top = 24.0
        let span = Double(scale.max - scale.min)
        func x(_ value: Double) -> Double { left + (value - Double(scale.min)) / span * (width - left - 20) }
        var children: [Markup] = []
        for point in scale.points {
            children.append(
                SVG.line(
                    x1: x(Double(point)), y1: top - 6, x2: x(Double(point)),
                    y2: top + rowHeight * Double(groups.count) - 8, cls: "gridline"))
            children.append(SVG.text(String(point), x: x(Double(point)), y: top - 10, anchor: "middle", cls: "axis"))
        }
        for (index, (name, group)) in groups.enumerated() {
            let y = top + rowHeight * Double(index) + 6
            children.append(
                SVG.text(
                    SVG.wrap(name, width: 22, maxLines: 1).first ?? name, x: left - 8, y: y + 4, anchor: "end",
                    cls: "label"))
            let medians = group.rounds.compactMap(\.stats.median)
            if let first = medians.first, let last = medians.last {
                // Drawn with its own colours: the page's style sheet is that of every export.
                children.append(
                    .el(
                        "line",
                        [
                            ("x1", SVG.n(x(first))), ("y1", SVG.n(y)), ("x2", SVG.n(x(last))), ("y2", SVG.n(y)),
                            ("stroke", "#7f9cc4"), ("stroke-width", "3"),
                        ]))
            }
            for (round, figures) in group.rounds.enumerated() {
                guard let median = figures.stats.median else { continue }
                let last = round == group.rounds.count - 1
                children.append(
                    .el(
                        "circle",
                        [
                            ("cx", SVG.n(x(median))), ("cy", SVG.n(y)), ("r", "5"),
                            ("fill", last ? "#2c5282" : "#ffffff"),
                            ("stroke", "#2c5282"), ("stroke-width", "2"),
                        ],
                        [
                            .el(
                                "title",
                                text: c.label(
                                    "rounds.dot",
                                    [
                                        "group": .text(name), "round": .count(figures.round),
                                        "median": .text(c.number(median, digits: 1)),
                                    ]))
                        ]))
            }
        }
        let height = top + rowHeight * Double(groups.count)
        let title = c.label("rounds.chart", ["item": .text(item.item)])
        return SVG.chart(id: "chart-rounds-\(item.item)", width: width, height: height, title: title, children)
    }
}
