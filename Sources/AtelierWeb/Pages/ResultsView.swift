import AtelierCore
import AtelierExport

/// A revealed stage's results: the same figures as the facilitator's tally
/// (the analysis' distributions, n and medians), drawn as bar charts.
struct ResultsView {
    let state: SessionState
    let analysis: Analysis
    let catalog: Catalog
    var language: String { catalog.language }

    init(state: SessionState, analysis: Analysis?, catalog: Catalog) {
        self.state = state
        self.analysis = analysis ?? Analysis.shown(state, language: catalog.language)
        self.catalog = catalog
    }

    func t(_ key: String, _ args: [String: MessageValue] = [:]) -> String { catalog.text(key, args) }

    // MARK: - On a phone: the company's answers

    func phone(_ stage: Stage) -> String {
        var heading = t("web.results.heading")
        let round = state.round(of: stage.id)
        // From round 2 on the answers are this round's, and a median reads round before → this round.
        if round > 1 { heading += " · " + t("web.round.position", ["round": .count(round)]) }
        var out = HTML.el("h2", [], HTML.text(heading))
        switch stage.kind {
        case .rating:
            guard let scale = state.workshop.scale(of: stage) else { return "" }
            let earlier = earlierMedians(stage)
            for item in stage.items {
                let stats = analysis.company.ratings[item.id]
                let rows = scale.points.enumerated().map { index, point in
                    (
                        label: "\(point) " + (scale.label(point)?.text(language) ?? ""),
                        count: stats?.distribution[safe: index] ?? 0
                    )
                }
                out += HTML.el(
                    "figure", [("class", "results")],
                    HTML.el("figcaption", [], HTML.text(item.label.text(language)))
                        + Bars.svg(rows, title: item.label.text(language))
                        + HTML.el(
                            "p", [("class", "figures")],
                            HTML.text(itemFigures(stats, earlier: earlier.map { $0[item.id]?[""] ?? nil }))))
            }
        case .pick:
            let stats = analysis.company.picks[stage.id]
            let rows = stage.options.map { (label: $0.label.text(language), count: stats?.count($0.id) ?? 0) }
            out += HTML.el(
                "figure", [("class", "results")],
                Bars.svg(rows, title: stage.title.text(language))
                    + HTML.el(
                        "p", [("class", "figures")], HTML.text(t("web.results.picks", ["count": .count(stats?.n ?? 0)]))
                    ))
        case .strategy:
            out += HTML.el(
                "ul", [("class", "strategies")], strategySentences().map { HTML.el("li", [], HTML.text($0)) }.joined())
        case .intro, .discussion:
            let notes = state.notes.filter { $0.stage == stage.id }
            guard !notes.isEmpty else { return "" }
            out += HTML.el("ul", [("class", "notes")], notes.map { HTML.el("li", [], HTML.text($0.text)) }.joined())
        }
        return HTML.el("section", [("class", "results")], out)
    }

    /// "n answers · median 2.5", as the tally counts them; from round 2 on
    /// (`earlier`: the company's median of the round before) "median 2 → 2.5".
    func itemFigures(_ stats: ItemStats?, earlier: Double?? = nil) -> String {
        let n = stats?.n ?? 0
        var text = t("web.results.answers", ["count": .count(n)])
        if stats?.median != nil || earlier != nil {
            text += " · " + t("web.results.median", ["value": .text(medianText(stats?.median, earlier: earlier))])
        }
        return text
    }

    /// Each department's strategies and who knows them, as the line protocol says it.
    func strategySentences() -> [String] {
        state.departments.map { department in
            let knownBy = state.knows.filter { $0.to == department.id }.map(\.from)
            return t(
                knownBy.isEmpty ? "net.results.strategy_unknown" : "net.results.strategy",
                [
                    "name": .text(department.name), "count": .count(state.strategies[department.id]?.count ?? 0),
                    "known": .list(knownBy.sorted().map { state.department($0)?.name ?? $0 }),
                ])
        }
    }

    /// A median or share with as few decimals as it needs (whole or halves).
    func number(_ value: Double) -> String {
        var text = catalog.format(value, digits: 1)
        let zero = catalog.decimalSeparator + "0"
        if text.hasSuffix(zero) { text.removeLast(zero.count) }
        return text
    }

    // MARK: - On the projector: every department and the company

    // MARK: - Rounds on the projector

    /// From round 2 on: each median of the round before, per item, for each
    /// department (by id) and the company (key `""`), from the rounds'
    /// figures (`RoundsAnalysis`), so a row can show how it moved.
    func earlierMedians(_ stage: Stage) -> [String: [String: Double?]]? {
        let round = state.round(of: stage.id)
        guard round > 1 else { return nil }
        let rounds = RoundsAnalysis.shown(state)
        var medians: [String: [String: Double?]] = [:]
        for item in rounds.items where item.stage == stage.id {
            var row: [String: Double?] = ["": item.company.rounds[safe: round - 2]?.stats.median]
            for department in item.departments {
                row[department.id] = department.rounds.rounds[safe: round - 2]?.stats.median
            }
            medians[item.item] = row
        }
        return medians
    }

    /// A median cell: the median, or from round 2 on "before → now".
    func medianText(_ median: Double?, earlier: Double??) -> String {
        let now = median.map(number) ?? "–"
        guard let earlier else { return now }
        return t("web.screen.median_move", ["before": .text(earlier.map(number) ?? "–"), "after": .text(now)])
    }

    /// Above a revealed stage's tallies from round 2 on: which rounds the medians compare.
    func roundsCaption(_ stage: Stage) -> String {
        let round = state.round(of: stage.id)
        guard round > 1 else { return "" }
        let key = stage.kind == .rating ? "web.screen.rounds_medians" : "web.screen.rounds_counts"
        return HTML.el(
            "p", [("class", "rounds")], HTML.text(t(key, ["from": .count(round - 1), "to": .count(round)])))
    }

    /// From round 2 on: a pick stage's counts of the round before, per
    /// department (by id; nil for one left out, `RoundsAnalysis.shown`) and
    /// for the company, so each cell can show how it moved.
    func earlierPicks(_ stage: Stage) -> (departments: [String: PickStats?], company: PickStats?)? {
        let round = state.round(of: stage.id)
        guard round > 1, let picks = RoundsAnalysis.shown(state).picks.first(where: { $0.stage == stage.id })
        else { return nil }
        var departments: [String: PickStats?] = [:]
        for department in analysis.departments {
            departments[department.id] = picks.departments[safe: round - 2]?[department.id]
        }
        return (departments, picks.company[safe: round - 2])
    }

    /// Below a pick stage's tally from round 2 on: who changed their pick since the round before.
    func pickChanges(_ stage: Stage) -> String {
        let round = state.round(of: stage.id)
        guard round > 1, let picks = RoundsAnalysis.shown(state).picks.first(where: { $0.stage == stage.id }),
            let step = picks.changes[safe: round - 2]
        else { return "" }
        return HTML.el(
            "p", [("class", "rounds")],
            HTML.text(
                t(
                    "web.screen.changed_picks",
                    ["count": .count(step.changed), "pairs": .count(step.pairs), "from": .count(round - 1)])))
    }

    func screen(_ stage: Stage) -> String {
        let earlier = earlierMedians(stage)
        switch stage.kind {
        case .rating:
            guard let scale = state.workshop.scale(of: stage) else { return "" }
            // With several items, the scale's labels are said once above the tables, which then fit the screen.
            let compact = stage.items.count > 1
            var legend = ""
            if compact {
                legend = HTML.el(
                    "ol", [("class", "scale")],
                    scale.points.map { point in
                        HTML.el(
                            "li", [],
                            HTML.el("span", [("class", "point")], String(point))
                                + HTML.text(scale.label(point)?.text(language) ?? ""))
                    }.joined())
            }
            legend = roundsCaption(stage) + legend
            if (2...3).contains(stage.items.count) {
                return legend + itemsTable(stage, scale: scale, earlier: earlier)
            }
            let tables = stage.items.map { item in
                let columns = scale.points.map { point in
                    (head: String(point), label: compact ? "" : scale.label(point)?.text(language) ?? "")
                }
                var rows = analysis.departments.map { department in
                    department.withheld.contains(item.id)
                        ? withheldRow(department.name, tails: 2)
                        : row(
                            department.name, stats: department.ratings[item.id], company: false,
                            earlier: earlier.map { $0[item.id]?[department.id] ?? nil })
                }
                rows.append(
                    row(
                        t("analysis.view.company"), stats: analysis.company.ratings[item.id], company: true,
                        earlier: earlier.map { $0[item.id]?[""] ?? nil }))
                return table(
                    title: item.label.text(language), columns: columns,
                    tails: [t("analysis.view.column.n"), t("analysis.view.column.median")], rows: rows,
                    moves: earlier != nil)
                    + withheldNote(item.id)
            }.joined()
            return legend + HTML.el("div", [("class", compact ? "tallies compact" : "tallies")], tables)
        case .pick:
            let columns = stage.options.map { (head: $0.label.text(language), label: "") }
            let before = earlierPicks(stage)
            var rows = analysis.departments.map { department in
                department.withheld.contains(stage.id)
                    ? withheldRow(department.name, tails: 1)
                    : pickRow(
                        department.name, stats: department.picks[stage.id], stage: stage, company: false,
                        earlier: before.map { $0.departments[department.id] ?? nil })
            }
            rows.append(
                pickRow(
                    t("analysis.view.company"), stats: analysis.company.picks[stage.id], stage: stage, company: true,
                    earlier: before.map(\.company)))
            // The stage's title is the page's heading already.
            return roundsCaption(stage)
                + table(
                    title: nil, columns: columns, tails: [t("analysis.view.column.n")], rows: rows,
                    counts: before != nil)
                + withheldNote(stage.id) + pickChanges(stage)
        case .strategy:
            return HTML.el(
                "ul", [("class", "strategies")], strategySentences().map { HTML.el("li", [], HTML.text($0)) }.joined())
        case .intro, .discussion:
            let notes = state.notes.filter { $0.stage == stage.id }
            return notes.isEmpty
                ? "" : HTML.el("ul", [("class", "notes")], notes.map { HTML.el("li", [], HTML.text($0.text)) }.joined())
        }
    }

    /// A stage of two or three items on the projector: one table, a row per
    /// department and one for the company, the items side by side (the
    /// counts per scale point, n and the median of each), so that a
    /// department's name is written once and the whole fits the screen at
    /// 28 px. A count's cell is shaded by its share of the row's answers.
    func itemsTable(_ stage: Stage, scale: Scale, earlier: [String: [String: Double?]]? = nil) -> String {
        var columns = HTML.void("col", [("class", "name")])
        var top = HTML.el("th", [("scope", "col"), ("rowspan", "2")], "")
        var heads = ""
        for item in stage.items {
            for _ in scale.points { columns += HTML.void("col", [("class", "point")]) }
            columns += HTML.void("col", [("class", "n")]) + HTML.void("col", [("class", "median")])
            top += HTML.el(
                "th", [("scope", "colgroup"), ("colspan", String(scale.points.count + 2)), ("class", "item")],
                HTML.text(item.label.text(language)))
            for (index, point) in scale.points.enumerated() {
                heads += HTML.el("th", [("scope", "col"), ("class", index == 0 ? "first" : nil)], String(point))
            }
            heads += HTML.el("th", [("scope", "col"), ("class", "num")], HTML.text(t("analysis.view.column.n")))
            heads += HTML.el("th", [("scope", "col"), ("class", "num")], HTML.text(t("analysis.view.column.median")))
        }
        var rows = analysis.departments.map { (name: $0.name, id: $0.id, ratings: $0.ratings, company: false) }
        rows.append((name: t("analysis.view.company"), id: "", ratings: analysis.company.ratings, company: true))
        var body = ""
        for row in rows {
            var cells = HTML.el("th", [("scope", "row")], HTML.text(row.name))
            for item in stage.items {
                let stats = row.ratings[item.id]
                let n = stats?.n ?? 0
                for index in 0..<scale.points.count {
                    let count = stats?.distribution[safe: index] ?? 0
                    // Five shades: none for no answer, then by quarters of the row's answers.
                    let share = n == 0 || count == 0 ? 0 : 1 + min(3, count * 4 / n)
                    let cls = (index == 0 ? "first " : "") + (count == 0 ? "cell zero" : "cell share-\(share)")
                    cells += HTML.el("td", [("class", cls), ("data-item", item.id)], String(count))
                }
                cells += HTML.el("td", [("class", "num"), ("data-item", item.id)], String(n))
                cells += HTML.el(
                    "td", [("class", "num"), ("data-item", item.id)],
                    HTML.text(medianText(stats?.median, earlier: earlier.map { $0[item.id]?[row.id] ?? nil })))
            }
            body += HTML.el("tr", [("class", row.company ? "company" : nil)], cells)
        }
        return HTML.el(
            "figure", [("class", earlier == nil ? "tally items" : "tally items moves")],
            HTML.el(
                "table", [],
                HTML.el("colgroup", [], columns)
                    + HTML.el("thead", [], HTML.el("tr", [], top) + HTML.el("tr", [], heads))
                    + HTML.el("tbody", [], body)))
    }

    struct Row {
        let name: String
        let counts: [Int]
        let n: Int
        let tails: [String]
        let company: Bool
        /// From round 2 on (pick stages): the counts of the round before, per column; nil when not shown.
        var earlier: [Int]? = nil
    }

    /// A department whose figures are withheld (`SmallGroups`): no bars, `<3` for n.
    func withheldRow(_ name: String, tails: Int) -> Row {
        let n = "<\(analysis.minGroup ?? 0)"
        return Row(name: name, counts: [], n: 0, tails: [n] + Array(repeating: "–", count: tails - 1), company: false)
    }

    /// The sentence naming the departments withheld on this item or stage.
    func withheldNote(_ id: String) -> String {
        guard let note = analysis.withheldNote(id) else { return "" }
        return HTML.el("p", [("class", "withheld")], HTML.text(catalog.render(note)))
    }

    /// `earlier`: from round 2 on, the median of the round before (which may be undefined).
    func row(_ name: String, stats: ItemStats?, company: Bool, earlier: Double?? = nil) -> Row {
        let n = stats?.n ?? 0
        let median = medianText(stats?.median, earlier: earlier)
        return Row(name: name, counts: stats?.distribution ?? [], n: n, tails: [String(n), median], company: company)
    }

    /// `earlier`: from round 2 on, the stage's counts in the round before (nil inside: a group left out).
    func pickRow(_ name: String, stats: PickStats?, stage: Stage, company: Bool, earlier: PickStats?? = nil) -> Row {
        let n = stats?.n ?? 0
        let before: [Int]?? = earlier.map { $0.map { stats in stage.options.map { stats.count($0.id) } } }
        return Row(
            name: name, counts: stage.options.map { stats?.count($0.id) ?? 0 }, n: n, tails: [String(n)],
            company: company, earlier: before ?? nil)
    }

    /// One row per department and one for the company; in each cell a bar
    /// (its share of the row's answers) and the count.
    /// `moves`: the last column's cells read "before → now" (from round 2 on) and need more room;
    /// `counts`: the counts do (a pick stage from round 2 on, from each row's `earlier`).
    func table(
        title: String?, columns: [(head: String, label: String)], tails: [String], rows: [Row], moves: Bool = false,
        counts: Bool = false
    ) -> String {
        var head = HTML.el("th", [("scope", "col")], "")
        for column in columns {
            var inner = HTML.el("span", [("class", "head")], HTML.text(column.head))
            if !column.label.isEmpty { inner += HTML.el("small", [], HTML.text(column.label)) }
            head += HTML.el("th", [("scope", "col")], inner)
        }
        for tail in tails { head += HTML.el("th", [("scope", "col"), ("class", "num")], HTML.text(tail)) }
        var body = ""
        for row in rows {
            var cells = HTML.el("th", [("scope", "row")], HTML.text(row.name))
            for index in columns.indices {
                let count = row.counts[safe: index] ?? 0
                let before = row.earlier?[safe: index]
                cells += HTML.el(
                    "td", [("class", count == 0 && before.map { $0 == 0 } != false ? "cell zero" : "cell")],
                    Bars.cell(
                        count, of: row.n,
                        text: before.map {
                            t("web.screen.median_move", ["before": .text(String($0)), "after": .text(String(count))])
                        }))
            }
            for tail in row.tails { cells += HTML.el("td", [("class", "num")], HTML.text(tail)) }
            body += HTML.el("tr", [("class", row.company ? "company" : nil)], cells)
        }
        return HTML.el(
            "figure", [("class", moves ? "tally moves" : counts ? "tally counts" : "tally")],
            (title.map { HTML.el("figcaption", [], HTML.text($0)) } ?? "")
                + HTML.el("table", [], HTML.el("thead", [], HTML.el("tr", [], head)) + HTML.el("tbody", [], body)))
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
