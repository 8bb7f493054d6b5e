import AtelierCore

/// The comparison as one self-contained page: the Markdown's sections in the
/// same order (same ids: `sessions`, then per step `glance-N`, `maturity-N`,
/// `ratings-N`, `picks-N`, `silos-N`, `awareness-N`, `lone-N`,
/// `not-compared-N`), with a chart of the company's medians before and
/// after. The summary's style sheet, print styles included.
struct CompareHTML {
    let context: CompareContext
    init(_ context: CompareContext) { self.context = context }

    func render() -> String {
        let c = context
        let title = c.label("compare.title", ["workshop": .text(c.text(c.workshop.title))])
        let sections = CompareSections(context: c)
        var body: [Markup] = [.el("header", [], [.el("h1", text: title)])]
        let sessions = sections.sessions
        body.append(section("sessions", c.label("compare.sessions"), [table(sessions.header, sessions.rows)]))
        let trend = Trend.of(c.sessions)
        let company = sections.trendCompany(trend)
        let maturity = sections.trendMaturity(trend)
        body.append(
            section(
                "trend", c.label("compare.trend"),
                [
                    .el(
                        "figure", [],
                        [
                            TrendChart(context: c, trend: trend).render(),
                            .el("figcaption", text: c.label("compare.trend.chart.caption")),
                        ]),
                    subsection(
                        "trend-company", c.label("compare.trend.company"), [table(company.header, company.rows)]),
                    subsection(
                        "trend-maturity", c.label("compare.trend.maturity"), [table(maturity.header, maturity.rows)]),
                ]))
        for (index, step) in c.steps.enumerated() {
            body.append(stepMarkup(step, number: index + 1, sections))
        }
        return HTMLPage.render(language: c.language, title: title, css: HTMLStyle.css + CompareStyle.css, body: body)
    }

    private func stepMarkup(_ step: Comparison, number: Int, _ sections: CompareSections) -> Markup {
        let c = context
        let n = String(number)
        var children: [Markup] = [.el("h2", text: c.stepTitle(step))]
        children.append(
            subsection(
                "glance-" + n, c.label("compare.glance"),
                [.el("ul", [], sections.glance(step).map { .el("li", text: $0) })]))
        let maturity = sections.maturity(step)
        children.append(
            subsection("maturity-" + n, c.label("compare.maturity"), [table(maturity.header, maturity.rows)]))
        var ratings: [Markup] = [
            .el(
                "figure", [],
                [
                    MedianShiftChart(context: c, step: step, id: "chart-medians-" + n).render(),
                    .el("figcaption", text: c.label("compare.chart.caption")),
                ])
        ]
        for entry in sections.ratings(step) {
            ratings.append(.el("h4", text: entry.title))
            ratings.append(table(entry.header, entry.rows))
        }
        children.append(subsection("ratings-" + n, c.label("compare.ratings"), ratings))
        var picks: [Markup] = []
        for entry in sections.picks(step) {
            picks.append(.el("h4", text: entry.title))
            picks.append(table(entry.header, entry.rows))
        }
        children.append(subsection("picks-" + n, c.label("compare.picks"), picks))
        var silos: [Markup] = []
        for group in sections.silos(step) {
            silos.append(.el("h4", text: group.title))
            let lines = group.lines.isEmpty ? [c.label("compare.silos.none")] : group.lines
            silos.append(.el("ul", [], lines.map { .el("li", text: $0) }))
        }
        children.append(subsection("silos-" + n, c.label("compare.silos"), silos))
        let matrix = sections.awareness(step)
        let changes = sections.awarenessChanges(step)
        children.append(
            subsection(
                "awareness-" + n, c.label("compare.awareness"),
                [
                    .el("p", [("class", "caption")], text: c.label("compare.awareness_caption")),
                    table(matrix.header, matrix.rows),
                    changes.isEmpty
                        ? .el("p", text: c.label("compare.awareness.no_change"))
                        : .el("ul", [], changes.map { .el("li", text: $0) }),
                ]))
        children.append(
            subsection(
                "lone-" + n, c.label("compare.lone"), [.el("ul", [], sections.lone(step).map { .el("li", text: $0) })]))
        children.append(
            subsection(
                "not-compared-" + n, c.label("compare.not_compared"),
                [.el("ul", [], sections.notCompared(step).map { .el("li", text: $0) })]))
        return .el("section", [("id", "step-" + n)], children)
    }

    private func section(_ id: String, _ heading: String, _ children: [Markup]) -> Markup {
        HTMLPage.section(id, heading, children)
    }

    private func subsection(_ id: String, _ heading: String, _ children: [Markup]) -> Markup {
        HTMLPage.section(id, heading, level: 3, children)
    }

    private func table(_ header: [String], _ rows: [[String]]) -> Markup {
        .el(
            "table", [],
            [
                .el("thead", [], [.el("tr", [], header.map { .el("th", text: $0) })]),
                .el("tbody", [], rows.map { row in .el("tr", [], row.map { .el("td", text: $0) }) }),
            ])
    }
}

/// The company's median of each compared item, before (hollow dot) and
/// after (filled dot) on the item's scale, joined by a line; each dot
/// labelled with its value.
struct MedianShiftChart {
    let context: CompareContext
    let step: Comparison
    let id: String

    static let labelWidth = 220.0
    static let plotWidth = 360.0
    static let rowHeight = 36.0

    func render() -> Markup {
        let c = context
        let rows = step.company.ratings
        let width = Self.labelWidth + Self.plotWidth + 40
        let height = Double(rows.count) * Self.rowHeight + 62
        var children: [Markup] = []
        for (row, change) in rows.enumerated() {
            // The first row's labels above its dots need 24 px.
            let y = Double(row) * Self.rowHeight + 24
            let lines = SVG.wrap(c.itemLabel(change.item), width: 32, maxLines: 2)
            children.append(
                SVG.lines(
                    lines, x: Self.labelWidth - 10, y: y + (lines.count == 1 ? 4 : -2), lineHeight: 12, anchor: "end",
                    cls: "small"))
            guard let scale = c.workshop.stage(change.stage).flatMap({ c.workshop.scale(of: $0) }),
                scale.max > scale.min
            else { continue }
            func x(_ value: Double) -> Double {
                Self.labelWidth + (value - Double(scale.min)) / Double(scale.max - scale.min) * Self.plotWidth
            }
            children.append(SVG.line(x1: x(Double(scale.min)), y1: y, x2: x(Double(scale.max)), y2: y, cls: "gridline"))
            guard let before = change.before.median, let after = change.after.median else { continue }
            children.append(SVG.line(x1: x(before), y1: y, x2: x(after), y2: y, cls: "whisker"))
            children.append(
                .el("circle", [("cx", SVG.n(x(before))), ("cy", SVG.n(y)), ("r", "6"), ("class", "node none")]))
            children.append(
                .el("circle", [("cx", SVG.n(x(after))), ("cy", SVG.n(y)), ("r", "6"), ("class", "node strategy")]))
            // Labels above the dots; when the dots meet, one label.
            if before == after {
                children.append(SVG.text(c.number(after), x: x(after), y: y - 10, anchor: "middle", cls: "small"))
            } else {
                let beforeAnchor = before < after ? "end" : "start"
                let afterAnchor = before < after ? "start" : "end"
                children.append(SVG.text(c.number(before), x: x(before), y: y - 10, anchor: beforeAnchor, cls: "small"))
                children.append(SVG.text(c.number(after), x: x(after), y: y - 10, anchor: afterAnchor, cls: "strong"))
            }
        }
        let axisY = Double(rows.count) * Self.rowHeight + 18
        children.append(
            SVG.text(c.label("compare.chart.legend"), x: Self.labelWidth, y: axisY + 24, cls: "small"))
        return SVG.chart(id: id, width: width, height: height, title: c.label("compare.chart.title"), children)
    }
}
