import AtelierCore

/// One department's profile: per rating item its median as a bar along the
/// scale, its interquartile range as a whisker, and the company's median as
/// a tick, so the department's distance from the rest shows at a glance.
struct ProfileChart {
    let context: ExportContext
    let department: DepartmentAnalysis

    static let labelWidth = 170.0
    static let barWidth = 200.0
    static let rowHeight = 30.0

    func render() -> Markup {
        let c = context
        let items = c.ratingItems
        let width = Self.labelWidth + Self.barWidth + 40
        let height = Double(items.count) * Self.rowHeight + 8
        var children: [Markup] = []
        for (row, entry) in items.enumerated() {
            let y = Double(row) * Self.rowHeight + 4
            // 24 characters of 11 px text fit the 162 px left of the bars, in either language.
            let lines = SVG.wrap(c.text(entry.item.label), width: 24, maxLines: 2)
            children.append(
                SVG.lines(
                    lines, x: Self.labelWidth - 8, y: y + (lines.count == 1 ? 16 : 10), lineHeight: 11,
                    anchor: "end", cls: "small"))
            children.append(
                SVG.rect(x: Self.labelWidth, y: y + 6, width: Self.barWidth, height: 14, cls: "track"))
            guard let scale = c.scale(ofItem: entry.item.id) else { continue }
            let span = Double(scale.max - scale.min)
            func position(_ value: Double) -> Double {
                Self.labelWidth + (value - Double(scale.min)) / span * Self.barWidth
            }
            let stats = department.ratings[entry.item.id]
            if let median = stats?.median {
                let fraction = (median - Double(scale.min)) / span
                children.append(
                    SVG.rect(
                        x: Self.labelWidth, y: y + 6, width: position(median) - Self.labelWidth, height: 14,
                        fill: SVG.sequential(max(0.35, fraction)), cls: "bar"))
                children.append(
                    SVG.text(c.number(median), x: Self.labelWidth + Self.barWidth + 6, y: y + 17, cls: "small"))
            } else {
                children.append(SVG.text("–", x: Self.labelWidth + Self.barWidth + 6, y: y + 17, cls: "small"))
            }
            if let q1 = stats?.q1, let q3 = stats?.q3 {
                children.append(SVG.line(x1: position(q1), y1: y + 13, x2: position(q3), y2: y + 13, cls: "whisker"))
            }
            if let company = c.analysis.company.ratings[entry.item.id]?.median {
                children.append(
                    SVG.line(x1: position(company), y1: y + 3, x2: position(company), y2: y + 23, cls: "tick"))
            }
        }
        return SVG.chart(
            id: "chart-profile-\(department.id)", width: width, height: height,
            title: c.label("html.profile", ["department": .text(department.name)]), children)
    }
}
