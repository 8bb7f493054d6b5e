import AtelierCore

/// Consensus per rating item: the company's Tastle–Wierman consensus as a
/// bar from 0 to 1 (green when the workshop's consensus threshold is
/// reached), each department's own consensus as a dot on the same line.
struct ConsensusChart {
    let context: ExportContext

    static let labelWidth = 200.0
    static let barWidth = 320.0
    static let rowHeight = 34.0

    func render() -> Markup {
        let c = context
        let items = c.ratingItems
        let width = Self.labelWidth + Self.barWidth + 190
        let height = Double(items.count) * Self.rowHeight + 50
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
            for department in c.departments {
                guard let consensus = department.ratings[entry.item.id]?.consensus else { continue }
                children.append(
                    .el(
                        "circle",
                        [
                            ("cx", SVG.n(Self.labelWidth + consensus * Self.barWidth)), ("cy", SVG.n(y + 17)),
                            ("r", "3.5"), ("class", "dot"),
                        ], [.el("title", text: department.name + ": " + c.number(consensus, digits: 2))]))
            }
        }
        children.append(
            SVG.text(c.label("html.consensus_legend"), x: Self.labelWidth, y: height - 8, cls: "small"))
        return SVG.chart(
            id: "chart-consensus", width: width, height: height, title: c.label("html.consensus"), children)
    }
}
