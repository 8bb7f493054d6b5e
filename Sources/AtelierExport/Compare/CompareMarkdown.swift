import AtelierCore

/// The comparison as Markdown: the sessions, then for each step (a session
/// against the one before it) the same sections as the HTML.
struct CompareMarkdown {
    let context: CompareContext
    init(_ context: CompareContext) { self.context = context }

    private var doc = MarkdownDocument()

    func render() -> String {
        var comparison = self
        comparison.build()
        return comparison.doc.text
    }

    private mutating func build() {
        let c = context
        let sections = CompareSections(context: c)
        add("# " + escape(c.label("compare.title", ["workshop": .text(c.text(c.workshop.title))])))
        heading(2, c.label("compare.sessions"))
        let sessions = sections.sessions
        table(sessions.header, sessions.rows)
        let trend = Trend.of(c.sessions)
        heading(2, c.label("compare.trend"))
        heading(3, c.label("compare.trend.company"))
        let company = sections.trendCompany(trend)
        table(company.header, company.rows)
        heading(3, c.label("compare.trend.maturity"))
        let maturity = sections.trendMaturity(trend)
        table(maturity.header, maturity.rows)
        for step in c.steps {
            heading(2, c.stepTitle(step))
            heading(3, c.label("compare.glance"))
            for line in sections.glance(step) { add("- " + escape(line)) }
            heading(3, c.label("compare.maturity"))
            let maturity = sections.maturity(step)
            table(maturity.header, maturity.rows)
            heading(3, c.label("compare.ratings"))
            for entry in sections.ratings(step) {
                add("**" + escape(entry.title) + "**")
                add("")
                table(entry.header, entry.rows)
                add("")
            }
            heading(3, c.label("compare.picks"))
            for entry in sections.picks(step) {
                add("**" + escape(entry.title) + "**")
                add("")
                table(entry.header, entry.rows)
                add("")
            }
            heading(3, c.label("compare.silos"))
            for group in sections.silos(step) {
                add("**" + escape(group.title) + "**")
                add("")
                if group.lines.isEmpty { add("- " + escape(c.label("compare.silos.none"))) }
                for line in group.lines { add("- " + escape(line)) }
                add("")
            }
            heading(3, c.label("compare.awareness"))
            add("*" + escape(c.label("compare.awareness_caption")) + "*")
            add("")
            let matrix = sections.awareness(step)
            table(matrix.header, matrix.rows)
            add("")
            let changes = sections.awarenessChanges(step)
            if changes.isEmpty { add(escape(c.label("compare.awareness.no_change"))) }
            for line in changes { add("- " + escape(line)) }
            heading(3, c.label("compare.lone"))
            for line in sections.lone(step) { add("- " + escape(line)) }
            heading(3, c.label("compare.not_compared"))
            for line in sections.notCompared(step) { add("- " + escape(line)) }
        }
    }

    private mutating func add(_ line: String) { doc.add(line) }

    private mutating func heading(_ level: Int, _ text: String) { doc.heading(level, text) }

    /// Every cell is text: escaped.
    private mutating func table(_ header: [String], _ rows: [[String]]) {
        doc.table(header, rows.map { $0.map(escape) })
    }

    private func escape(_ text: String) -> String { MarkdownDocument.escape(text) }
}
