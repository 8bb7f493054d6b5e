import AtelierCore

/// One self-contained page (no script, no font, no image, no link): the
/// Markdown summary's content with four inline SVG charts — the department ×
/// item heatmap, each department's profile, the consensus per item and the
/// silo map. Well-formed XML, so it opens as XHTML too; A4 print styles.
struct HTMLExport {
    let context: ExportContext
    init(_ context: ExportContext) { self.context = context }

    func render() -> String {
        let c = context
        let title = c.text(c.workshop.title)
        return HTMLPage.render(
            language: c.language, title: title, css: HTMLStyle.css,
            body: [
                .el(
                    "header", [],
                    [
                        .el("h1", text: title),
                        .el("p", [("class", "session")], text: c.label("md.subtitle") + " — " + c.sessionLine),
                    ]),
                summary(), glance(), participants(), results(), heatmap(), profiles(), consensus(),
            ] + (c.showsRounds ? [rounds()] : []) + [siloMap(), maturity(), silos(), notes()]
                + (c.showsRounds ? [methods()] : []))
    }

    private func section(_ id: String, _ heading: String, _ children: [Markup]) -> Markup {
        HTMLPage.section(id, heading, children)
    }

    private func figure(_ chart: Markup, caption: String) -> Markup {
        .el("figure", [], [chart, .el("figcaption", text: caption)])
    }

    private func table(_ header: [String], numeric: Set<Int> = [], _ rows: [[String]], strongLast: Bool = false)
        -> Markup
    {
        let head = Markup.el(
            "thead", [],
            [
                .el(
                    "tr", [],
                    header.enumerated().map {
                        .el("th", numeric.contains($0.offset) ? [("class", "num")] : [], text: $0.element)
                    })
            ])
        let body = rows.enumerated().map { index, row in
            Markup.el(
                "tr", strongLast && index == rows.count - 1 ? [("class", "total")] : [],
                row.enumerated().map {
                    .el("td", numeric.contains($0.offset) ? [("class", "num")] : [], text: $0.element)
                })
        }
        return .el("table", [], [head, .el("tbody", [], body)])
    }

    // MARK: - Sections

    /// Each reopened stage's items round by round: a dumbbell per group, then the table.
    private func rounds() -> Markup {
        let c = context
        let rounds = c.rounds
        var children: [Markup] = [.el("p", text: c.criteriaSentence(rounds))]
        for stage in c.workshop.stages {
            for item in rounds.itemsWithRounds where item.stage == stage.id {
                let label = stage.item(item.item).map { c.text($0.label) } ?? item.item
                children.append(.el("h3", text: c.text(stage.title) + " — " + label))
                children.append(
                    figure(DumbbellChart(context: c, item: item).render(), caption: c.label("rounds.caption")))
                children.append(table(c.roundsHeader, numeric: [1, 2, 3, 4, 6], c.roundsRows(item)))
            }
            if let pick = rounds.picksWithRounds.first(where: { $0.stage == stage.id }) {
                children.append(.el("h3", text: c.text(stage.title)))
                let changes = pick.changes.map { "\($0.changed)/\($0.pairs)" }.joined(separator: " → ")
                let modes = pick.company.map {
                    $0.modes.map { c.optionLabel(stage: stage.id, option: $0) }.joined(separator: ", ")
                }
                children.append(
                    .el(
                        "p",
                        text: c.label(
                            "rounds.pick", ["modes": .text(modes.joined(separator: " → ")), "changes": .text(changes)]))
                )
                children.append(table(c.pickRoundsHeader, numeric: [1, 3, 5], c.pickRoundsRows(pick)))
                children.append(.el("p", text: c.label("rounds.pick_rule")))
            }
        }
        return section("rounds", c.label("rounds.title"), children)
    }

    private func methods() -> Markup {
        section("methods", context.label("methods.title"), [.el("p", text: context.methodsParagraph)])
    }

    private func glance() -> Markup {
        let c = context
        let company = c.analysis.company
        var items: [Markup] = [.el("li", text: c.turnout)]
        if let maturity = company.maturity {
            items.append(
                .el(
                    "li", [],
                    [.el("strong", text: c.label("company_maturity")), .text(" — " + c.render(maturity.reason))]))
        }
        items.append(.el("li", text: c.label("agreement_overall") + c.colon + c.alphaWords(company.alphaOrdinal)))
        for stage in c.pickStages {
            items.append(.el("li", text: c.text(stage.title) + c.colon + c.pickSentence(stage: stage)))
        }
        var findings: [Markup] = [.text(c.label("md.findings", ["count": .count(c.analysis.silos.count)]))]
        if let first = c.analysis.silos.first {
            findings += [
                .el("br"), .el("em", text: c.label("md.most_severe") + c.colon), .text(c.render(first.message)),
            ]
        }
        items.append(.el("li", [], findings))
        return section("glance", c.label("md.glance"), [.el("ul", [], items)])
    }

    /// The executive summary: where the company stands, what matters most, the action plan.
    private func summary() -> Markup {
        let c = context
        let findings = c.keyFindings
        let plan = c.actionPlan
        return .el(
            "section", [("id", "summary"), ("class", "summary")],
            [
                .el("h2", text: c.label("summary.title")),
                .el("h3", text: c.label("summary.stands")),
            ] + c.standing.map { .el("p", text: $0) } + [
                .el("h3", text: c.label("summary.matters")),
                findings.isEmpty
                    ? .el("p", text: c.label("no_silo")) : .el("ol", [], findings.map { .el("li", text: $0) }),
                .el("h3", text: c.label("summary.plan")),
                plan.isEmpty
                    ? .el("p", text: c.label("summary.no_action"))
                    : .el("ol", [("class", "plan")], plan.map { .el("li", text: $0) }),
            ])
    }

    /// Stage by stage, as the Markdown: each rating item's table by
    /// department with the agreement in words, each pick stage's counts by
    /// department, the strategy stage's table.
    private func results() -> Markup {
        let c = context
        var children: [Markup] = []
        for stage in c.workshop.stages {
            switch stage.kind {
            case .rating:
                children.append(.el("h3", text: c.text(stage.title)))
                children.append(.el("p", [("class", "prompt")], text: c.text(stage.prompt)))
                for item in stage.items {
                    children.append(
                        .el(
                            "p", [("class", "sentence")],
                            [.el("strong", text: c.text(item.label)), .text(" — " + c.companySentence(item: item))]))
                    let rows =
                        c.departments.map { department in
                            department.withheld.contains(item.id)
                                ? withheldRow(department.name, columns: 5)
                                : ratingRow(department.name, department.ratings[item.id], item: item.id)
                        }
                        + [ratingRow(c.label("company"), c.analysis.company.ratings[item.id], item: item.id)]
                    children.append(
                        table(
                            [
                                c.label("department"), c.label("answers"), c.label("median"), c.label("iqr"),
                                c.label("agreement"),
                            ], numeric: [1, 2, 3], rows, strongLast: true))
                }
            case .pick:
                children.append(.el("h3", text: c.text(stage.title)))
                children.append(.el("p", [("class", "prompt")], text: c.text(stage.prompt)))
                children.append(.el("p", [("class", "sentence")], text: c.pickSentence(stage: stage)))
                let header = [c.label("department")] + stage.options.map { c.text($0.label) } + [c.label("dominant")]
                func row(_ name: String, _ stats: PickStats?) -> [String] {
                    [name] + stage.options.map { String(stats?.count($0.id) ?? 0) }
                        + [c.modeText(stats, stage: stage.id)]
                }
                let rows =
                    c.departments.map { department in
                        department.withheld.contains(stage.id)
                            ? withheldRow(department.name, columns: stage.options.count + 2)
                            : row(department.name, department.picks[stage.id])
                    }
                    + [row(c.label("company"), c.analysis.company.picks[stage.id])]
                children.append(
                    table(header, numeric: Set(1...max(1, stage.options.count)), rows, strongLast: true))
            case .strategy:
                children.append(.el("h3", text: c.text(stage.title)))
                children.append(.el("p", [("class", "prompt")], text: c.text(stage.prompt)))
                children.append(strategyTable())
            case .intro, .discussion:
                continue
            }
        }
        return section("results", c.label("results"), children)
    }

    /// A department whose figures are withheld: its name, then "fewer than 3 answers" once.
    private func withheldRow(_ name: String, columns: Int) -> [String] {
        [name, context.withheldText] + Array(repeating: "", count: columns - 2)
    }

    private func ratingRow(_ name: String, _ stats: ItemStats?, item: String) -> [String] {
        let c = context
        return [
            name, String(stats?.n ?? 0), c.medianText(stats, item: item), c.number(stats?.iqr), c.agreementWords(stats),
        ]
    }

    private func participants() -> Markup {
        let c = context
        let rows = c.state.departments.map { department -> [String] in
            let members = c.members(of: department.id)
            return [department.name, members.isEmpty ? c.label("one_voice") : c.catalog.list(members)]
        }
        return section(
            "participants", c.label("participants"), [table([c.label("department"), c.label("participants")], rows)])
    }

    private func heatmap() -> Markup {
        let c = context
        return section(
            "heatmap", c.label("html.heatmap"),
            [figure(Heatmap(context: c).render(), caption: c.label("html.heatmap_caption"))])
    }

    private func profiles() -> Markup {
        let c = context
        let charts = c.departments.map { department in
            Markup.el(
                "div", [("class", "profile")],
                [.el("h3", text: department.name), ProfileChart(context: c, department: department).render()])
        }
        return section(
            "profiles", c.label("html.profiles"),
            [
                .el("p", [("class", "caption")], text: c.label("html.profiles_caption")),
                .el("div", [("class", "grid")], charts),
            ])
    }

    private func consensus() -> Markup {
        let c = context
        return section(
            "consensus", c.label("html.consensus"),
            [figure(ConsensusChart(context: c).render(), caption: c.alphaWords(c.analysis.company.alphaOrdinal))])
    }

    private func siloMap() -> Markup {
        let c = context
        return section(
            "silo-map", c.label("html.silo_map"),
            [figure(SiloMap(context: c).render(), caption: c.label("html.silo_map_caption"))])
    }

    private func maturity() -> Markup {
        let c = context
        func row(_ name: String, _ result: MaturityResult?) -> [String] {
            guard let result else { return [name, c.label("undefined"), ""] }
            return [name, c.text(result.label), c.render(result.reason)]
        }
        let rows =
            c.departments.map { row($0.name, $0.maturity) } + [row(c.label("company"), c.analysis.company.maturity)]
        var children = [table([c.label("department"), c.label("level"), c.label("why")], rows, strongLast: true)]
        let reached = c.workshop.maturity.levels.filter { level in
            c.departments.contains { $0.maturity?.level == level.id } || c.analysis.company.maturity?.level == level.id
        }
        if !reached.isEmpty {
            children.append(.el("p", text: c.label("md.next_steps")))
            children.append(
                .el(
                    "ul", [],
                    reached.map { level in
                        var parts: [Markup] = [
                            .el("strong", text: c.text(level.label)), .text(" — " + c.text(level.description)),
                        ]
                        if let recommendation = level.recommendation {
                            parts.append(.text(" " + c.label("next_step") + c.colon + c.text(recommendation)))
                        }
                        return .el("li", [], parts)
                    }))
        }
        return section("maturity", c.label("maturity"), children)
    }

    private func strategyTable() -> Markup {
        let c = context
        let none = c.label("none")
        let rows = c.state.departments.map { department -> [String] in
            let strategies = c.strategies(of: department.id)
            let knownBy = c.knownBy(department.id)
            let shares = c.sharesWith(department.id)
            return [
                department.name, strategies.isEmpty ? c.label("no_strategy") : strategies.joined(separator: " / "),
                knownBy.isEmpty ? none : c.names(knownBy), shares.isEmpty ? none : c.names(shares),
            ]
        }
        return table(
            [c.label("department"), c.label("strategy"), c.label("known_by"), c.label("believes_shared")], rows)
    }

    private func silos() -> Markup {
        let c = context
        guard !c.analysis.silos.isEmpty else {
            return section("silos", c.label("silos"), [.el("p", text: c.label("no_silo"))])
        }
        let items = c.analysis.silos.map { finding -> Markup in
            var parts: [Markup] = [
                .el("strong", text: c.kindLabel(finding.kind)),
                .text(
                    " (" + c.label("severity", ["value": .text(c.percent(finding.severity))]) + ") — "
                        + c.render(finding.message)),
            ]
            if let recommendation = c.recommendation(finding) {
                parts.append(.el("br"))
                parts.append(.el("em", text: c.label("recommendation") + c.colon))
                parts.append(.text(recommendation))
            }
            return .el("li", [("class", "finding " + finding.kind.rawValue)], parts)
        }
        return section("silos", c.label("silos"), [.el("ol", [], items)])
    }

    private func notes() -> Markup {
        let c = context
        guard !c.state.notes.isEmpty else {
            return section("notes", c.label("notes"), [.el("p", text: c.label("no_note"))])
        }
        let items = c.state.notes.map { note in
            Markup.el(
                "li", [],
                [
                    .el("em", text: c.stageTitle(note.stage)),
                    .text(", " + UTCTime.clock(note.time) + " UTC, " + c.author(note.actor) + c.colon + note.text),
                ])
        }
        return section("notes", c.label("notes"), [.el("ul", [], items)])
    }
}
