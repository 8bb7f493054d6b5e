import AtelierCore

/// Consensus per rating item: the company's Tastle–Wierman consensus as a
/// bar from 0 to 1 (green when the workshop's consensus threshold is
/// reached), each department's own consensus as a dot on the same line
/// (departments at the same place share a dot showing how many they are),
/// the departments' numbers above each dot, the key under the chart.
struct ConsensusChart {
    let context: ExportContext

    static let labelWidth = 200.0
    static let barWidth = 320.0
    static let rowHeight = 34.0
    static let dotRadius = 7.0
    static let top = 8.0

    func render() -> Markup {
        let c = context
        let items = c.ratingItems
        let width = Self.labelWidth + Self.barWidth + 190
        let height = Double(items.count) * Self.rowHeight + 50 + Double(keyLines.count) * 14
        var children: [Markup] = []
        for tick in [0.0, 0.5, 1.0] {
            let x = Self.labelWidth + tick * Self.barWidth
            children.append(SVG.line(x1: x, y1: 0, x2: x, y2: Double(items.count) * Self.rowHeight, cls: "gridline"))
            children.append(
                SVG.text(
                    c.number(tick, digits: 1), x: x, y: Double(items.count) * Self.rowHeight + 14, anchor: "middle",
                    cls: "small"))
        }
        for (row, entry) in items.enumerated() {
            let y = Double(row) * Self.rowHeight
            let lines = SVG.wrap(c.text(entry.item.label), width: 30, maxLines: 2)
            children.append(
                SVG.lines(
                    lines, x: Self.labelWidth - 8, y: y + (lines.count == 1 ? 21 : 15), lineHeight: 12,
                    anchor: "end", cls: "small"))
            let stats = c.analysis.company.ratings[entry.item.id]
            if let consensus = stats?.consensus {
                let reached = stats?.consensusReached == true
                children.append(
                    SVG.rect(
                        x: Self.labelWidth, y: y + 9, width: consensus * Self.barWidth, height: 16,
                        cls: reached ? "bar reached" : "bar open"))
                children.append(
                    SVG.text(
                        c.number(consensus, digits: 2) + " · " + c.agreementWords(stats),
                        x: Self.labelWidth + Self.barWidth + 16, y: y + 21, cls: "small"))
            } else {
                children.append(
                    SVG.text(c.label("agreement.none"), x: Self.labelWidth + 4, y: y + 21, cls: "small"))
            }
            // Departments whose dots would touch share one dot; the numbers of
            // the departments it stands for are written above it (key under the chart).
            var clusters: [(x: Double, members: [(number: Int, name: String, value: Double)])] = []
            let dots = c.departments.enumerated().compactMap { number, department in
                department.ratings[entry.item.id]?.consensus.map { (number + 1, department.name, $0) }
            }.sorted { $0.2 < $1.2 }
            for dot in dots {
                let x = Self.labelWidth + dot.2 * Self.barWidth
                if let last = clusters.last, x - last.x < 2 * Self.dotRadius {
                    clusters[clusters.count - 1].members.append(dot)
                } else {
                    clusters.append((x, [dot]))
                }
            }
            for cluster in clusters {
                let members = cluster.members.sorted { $0.number < $1.number }
                let x = cluster.x
                let tip = members.map { $0.name + ": " + c.number($0.value, digits: 2) }.joined(separator: "; ")
                children.append(
                    .el(
                        "g", [("class", "dept")],
                        [
                            .el(
                                "circle",
                                [
                                    ("cx", SVG.n(x)), ("cy", SVG.n(y + 17)), ("r", SVG.n(Self.dotRadius)),
                                    ("class", "dot"),
                                ], [.el("title", text: tip)]),
                            SVG.text(
                                String(members.count), x: x, y: y + 20.5, anchor: "middle", cls: "dot-label"),
                            SVG.text(
                                members.map { String($0.number) }.joined(separator: ","), x: x, y: y + 6,
                                anchor: "middle", cls: "dot-key"),
                        ]))
            }
        }
        children.append(
            SVG.text(
                c.label("html.consensus_legend"), x: Self.labelWidth, y: Double(items.count) * Self.rowHeight + 34,
                cls: "small"))
        for (index, line) in keyLines.enumerated() {
            children.append(
                SVG.text(
                    line, x: Self.labelWidth, y: Double(items.count) * Self.rowHeight + 50 + Double(index) * 14,
                    cls: "small"))
        }
        // Room above the first row for its dots' numbers.
        return SVG.chart(
            id: "chart-consensus", width: width, height: height + Self.top, title: c.label("html.consensus"),
            [.el("g", [("transform", "translate(0 \(SVG.n(Self.top)))")], children)])
    }

    /// "1 Marketing · 2 Customer service · …", wrapped to the chart's width.
    private var keyLines: [String] {
        // A no-break space keeps each number with its name when the key wraps.
        let entries = context.departments.enumerated().map { "\($0.offset + 1)\u{00A0}\($0.element.name)" }
        return SVG.wrap(entries.joined(separator: " · "), width: 80, maxLines: 4)
    }
}
