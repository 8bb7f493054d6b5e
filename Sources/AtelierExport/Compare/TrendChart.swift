import AtelierCore

/// The company's median of each rating item over the sessions, oldest at the
/// left: one line per item, each point labelled with its value, each line
/// named at its right end (names moved apart so they never overlap).
struct TrendChart {
    let context: CompareContext
    let trend: Trend

    static let left = 48.0
    static let plotWidth = 520.0
    static let plotHeight = 240.0
    static let labelWidth = 240.0
    static let top = 20.0

    func render() -> Markup {
        let c = context
        let company = trend.units[0]
        let count = max(1, trend.sessions.count)
        let scales = trend.items.compactMap { id in
            c.workshop.stage(holdingItem: id).flatMap { c.workshop.scale(of: $0) }
        }
        let low = Double(scales.map(\.min).min() ?? 0)
        let high = Double(max(scales.map(\.max).max() ?? 1, Int(low) + 1))
        func x(_ index: Int) -> Double {
            count == 1 ? Self.left + Self.plotWidth / 2 : Self.left + Double(index) / Double(count - 1) * Self.plotWidth
        }
        func y(_ value: Double) -> Double { Self.top + (high - value) / (high - low) * Self.plotHeight }
        var children: [Markup] = []
        var tick = low
        while tick <= high {
            children.append(
                SVG.line(x1: Self.left, y1: y(tick), x2: Self.left + Self.plotWidth, y2: y(tick), cls: "gridline"))
            children.append(SVG.text(c.number(tick), x: Self.left - 8, y: y(tick) + 4, anchor: "end", cls: "small"))
            tick += 1
        }
        for (index, session) in c.sessions.enumerated() {
            children.append(
                SVG.text(
                    c.sessionDate(session), x: x(index), y: Self.top + Self.plotHeight + 18, anchor: "middle",
                    cls: "small"))
        }
        // End labels, pushed apart to at least 13 px.
        var ends: [(y: Double, text: String, series: Int)] = []
        for (series, item) in trend.items.enumerated() {
            let values = company.points.map { $0?.medians[series] }
            var points: [(Double, Double)] = []
            for (index, value) in values.enumerated() {
                guard let value else { continue }
                points.append((x(index), y(value)))
            }
            guard let last = points.last else { continue }
            let path = points.enumerated().map {
                ($0.offset == 0 ? "M" : "L") + SVG.n($0.element.0) + " " + SVG.n($0.element.1)
            }
            children.append(
                .el("path", [("d", path.joined(separator: " ")), ("class", "series s\(series % 8)"), ("fill", "none")]))
            for (px, py) in points {
                children.append(
                    .el(
                        "circle",
                        [("cx", SVG.n(px)), ("cy", SVG.n(py)), ("r", "3.5"), ("class", "series-dot s\(series % 8)")]))
            }
            ends.append((last.1, c.itemLabel(item), series))
        }
        ends.sort { $0.y < $1.y }
        var placed: [Double] = []
        for end in ends {
            let wanted = max(end.y + 4, (placed.last ?? -100) + 13)
            placed.append(wanted)
            children.append(
                SVG.text(
                    SVG.wrap(end.text, width: 34, maxLines: 1)[0], x: Self.left + Self.plotWidth + 12, y: wanted,
                    cls: "small series-label s\(end.series % 8)"))
        }
        let height = max(Self.top + Self.plotHeight + 30, (placed.last ?? 0) + 10)
        return SVG.chart(
            id: "chart-trend", width: Self.left + Self.plotWidth + Self.labelWidth, height: height,
            title: c.label("compare.trend.chart.title"), children)
    }
}
