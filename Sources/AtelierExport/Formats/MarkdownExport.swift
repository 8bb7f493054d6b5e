import AtelierCore

/// The consensus summary a manager reads in five minutes: the session at a
/// glance, who took part, each stage's results by department and for the
/// company, maturity with its reasons, silo findings with the workshop's
/// recommendations, and the notes.
struct MarkdownExport {
    let context: ExportContext
    init(_ context: ExportContext) { self.context = context }

    private var doc = MarkdownDocument()

    func render() -> String {
        var export = self
        export.build()
        return export.doc.text
    }

    private mutating func build() {
        let c = context
        add("# " + Self.escape(c.text(c.workshop.title)))
        add("")
        add("*" + Self.escape(c.label("md.subtitle")) + " — " + Self.escape(c.sessionLine) + "*")
        summary()
        glance()
        participants()
        results()
        if context.showsRounds { rounds() }
        maturity()
        silos()
        notes()
        if context.showsRounds { methods() }
    }

    private mutating func add(_ line: String) { doc.add(line) }

    private mutating func heading(_ level: Int, _ text: String) { doc.heading(level, text) }

    private mutating func table(_ header: [String], align: [Bool] = [], _ rows: [[String]]) {
        doc.table(header, align: align, rows)
    }

    // MARK: - Sections

    /// The executive summary: where the company stands, what matters most, the action plan.
    private mutating func summary() {
        let c = context
        heading(2, c.label("summary.title"))
        heading(3, c.label("summary.stands"))
        for line in c.standing { add(Self.escape(line)) }
        heading(3, c.label("summary.matters"))
        let findings = c.keyFindings
        if findings.isEmpty { add(Self.escape(c.label("no_silo"))) }
        for (index, line) in findings.enumerated() { add("\(index + 1). " + Self.escape(line)) }
        heading(3, c.label("summary.plan"))
        let plan = c.actionPlan
        if plan.isEmpty { add(Self.escape(c.label("summary.no_action"))) }
        for (index, line) in plan.enumerated() { add("\(index + 1). " + Self.escape(line)) }
    }

    private mutating func glance() {
        let c = context
        let company = c.analysis.company
        heading(2, c.label("md.glance"))
        add("- " + Self.escape(c.turnout))
        if let maturity = company.maturity {
            add("- " + Self.escape(c.label("company_maturity")) + " — " + Self.escape(c.render(maturity.reason)))
        }
        add(
            "- " + Self.escape(c.label("agreement_overall")) + c.colon + Self.escape(c.alphaWords(company.alphaOrdinal))
        )
        for stage in c.pickStages {
            add("- " + Self.escape(c.text(stage.title)) + c.colon + Self.escape(c.pickSentence(stage: stage)))
        }
        let silos = c.analysis.silos
        add("- " + Self.escape(c.label("md.findings", ["count": .count(silos.count)])))
        if let first = silos.first {
            add("  " + Self.escape(c.label("md.most_severe")) + c.colon + Self.escape(c.render(first.message)))
        }
    }

    private mutating func participants() {
        let c = context
        heading(2, c.label("participants"))
        guard !c.state.departments.isEmpty else {
            add(Self.escape(c.label("no_department")))
            return
        }
        table(
            [c.label("department"), c.label("participants")],
            c.state.departments.map { department in
                let members = c.members(of: department.id)
                let who = members.isEmpty ? c.label("one_voice") : c.catalog.list(members)
                return [Self.cell(department.name), Self.cell(who)]
            })
    }

    private mutating func results() {
        let c = context
        heading(2, c.label("results"))
        for stage in c.workshop.stages {
            switch stage.kind {
            case .rating: ratingStage(stage)
            case .pick: pickStage(stage)
            case .strategy: strategyStage(stage)
            case .intro, .discussion: continue
            }
        }
    }

    private mutating func ratingStage(_ stage: Stage) {
        let c = context
        heading(3, c.text(stage.title))
        add("> " + Self.escape(c.text(stage.prompt)))
        for item in stage.items {
            add("")
            add("**" + Self.escape(c.text(item.label)) + "** — " + Self.escape(c.companySentence(item: item)))
            add("")
            let rows = c.departments.map { department in
                department.withheld.contains(item.id)
                    ? withheldRow(department.name, columns: 5)
                    : row(name: department.name, stats: department.ratings[item.id], item: item.id, bold: false)
            }
            let company = row(
                name: c.label("company"), stats: c.analysis.company.ratings[item.id], item: item.id, bold: true)
            table(
                [c.label("department"), c.label("answers"), c.label("median"), c.label("iqr"), c.label("agreement")],
                align: [false, true, true, true, false], rows + [company])
        }
    }

    /// A department whose figures are withheld: its name, then "fewer than 3 answers" once.
    private func withheldRow(_ name: String, columns: Int) -> [String] {
        ([name, context.withheldText] + Array(repeating: "", count: columns - 2)).map(Self.cell)
    }

    private func row(name: String, stats: ItemStats?, item: String, bold: Bool) -> [String] {
        let c = context
        let cells = [
            name, String(stats?.n ?? 0), c.medianText(stats, item: item), c.number(stats?.iqr),
            c.agreementWords(stats),
        ].map(Self.cell)
        return bold ? cells.map { "**" + $0 + "**" } : cells
    }

    private mutating func pickStage(_ stage: Stage) {
        let c = context
        heading(3, c.text(stage.title))
        add("> " + Self.escape(c.text(stage.prompt)))
        add("")
        add(Self.escape(c.pickSentence(stage: stage)))
        add("")
        let header = [c.label("department")] + stage.options.map { c.text($0.label) } + [c.label("dominant")]
        var rows: [[String]] = c.departments.map { department in
            if department.withheld.contains(stage.id) {
                return withheldRow(department.name, columns: stage.options.count + 2)
            }
            let stats = department.picks[stage.id]
            return
                ([department.name] + stage.options.map { String(stats?.count($0.id) ?? 0) }
                + [c.modeText(stats, stage: stage.id)]).map(Self.cell)
        }
        let stats = c.analysis.company.picks[stage.id]
        rows.append(
            ([c.label("company")] + stage.options.map { String(stats?.count($0.id) ?? 0) }
                + [c.modeText(stats, stage: stage.id)]).map { "**" + Self.cell($0) + "**" })
        table(header, align: [false] + stage.options.map { _ in true } + [false], rows)
    }

    private mutating func strategyStage(_ stage: Stage) {
        let c = context
        heading(3, c.text(stage.title))
        add("> " + Self.escape(c.text(stage.prompt)))
        add("")
        let none = c.label("none")
        table(
            [c.label("department"), c.label("strategy"), c.label("known_by"), c.label("believes_shared")],
            c.state.departments.map { department in
                let strategies = c.strategies(of: department.id)
                let knownBy = c.knownBy(department.id)
                let shares = c.sharesWith(department.id)
                return [
                    department.name, strategies.isEmpty ? c.label("no_strategy") : strategies.joined(separator: " / "),
                    knownBy.isEmpty ? none : c.names(knownBy), shares.isEmpty ? none : c.names(shares),
                ].map(Self.cell)
            })
    }

    private mutating func maturity() {
        let c = context
        heading(2, c.label("maturity"))
        var rows = c.departments.map { department in
            maturityRow(name: department.name, department.maturity).map(Self.cell)
        }
        rows.append(
            maturityRow(name: c.label("company"), c.analysis.company.maturity).map { "**" + Self.cell($0) + "**" })
        table([c.label("department"), c.label("level"), c.label("why")], rows)
        let reached = c.workshop.maturity.levels.filter { level in
            c.departments.contains { $0.maturity?.level == level.id } || c.analysis.company.maturity?.level == level.id
        }
        guard !reached.isEmpty else { return }
        add("")
        add(Self.escape(c.label("md.next_steps")))
        add("")
        for level in reached {
            var line = "- **" + Self.escape(c.text(level.label)) + "** — " + Self.escape(c.text(level.description))
            if let recommendation = level.recommendation {
                line += " " + Self.escape(c.label("next_step")) + c.colon + Self.escape(c.text(recommendation))
            }
            add(line)
        }
    }

    private func maturityRow(name: String, _ result: MaturityResult?) -> [String] {
        guard let result else { return [name, context.label("undefined"), ""] }
        return [name, context.text(result.label), context.render(result.reason)]
    }

    private mutating func silos() {
        let c = context
        heading(2, c.label("silos"))
        guard !c.analysis.silos.isEmpty else {
            add(Self.escape(c.label("no_silo")))
            return
        }
        for (index, finding) in c.analysis.silos.enumerated() {
            add(
                "\(index + 1). **" + Self.escape(c.kindLabel(finding.kind)) + "** ("
                    + Self.escape(c.label("severity", ["value": .text(c.percent(finding.severity))])) + ") — "
                    + Self.escape(c.render(finding.message)))
            if let recommendation = c.recommendation(finding) {
                add("   *" + Self.escape(c.label("recommendation")) + "*" + c.colon + Self.escape(recommendation))
            }
        }
    }

    /// Each stage reopened for another round: every item's figures round by round, per group.
    private mutating func rounds() {
        let c = context
        let rounds = c.rounds
        heading(2, c.label("rounds.title"))
        add(Self.escape(c.criteriaSentence(rounds)))
        for stage in c.workshop.stages {
            let items = rounds.itemsWithRounds.filter { $0.stage == stage.id }
            if !items.isEmpty {
                for item in items {
                    let label = stage.item(item.item).map { c.text($0.label) } ?? item.item
                    heading(3, c.text(stage.title) + " — " + label)
                    table(
                        c.roundsHeader, align: [false, true, true, true, true, false, true, false],
                        c.roundsRows(item).map { $0.map(Self.cell) })
                }
            }
            if let pick = rounds.picksWithRounds.first(where: { $0.stage == stage.id }) {
                heading(3, c.text(stage.title))
                let changes = pick.changes.map { "\($0.changed)/\($0.pairs)" }.joined(separator: " → ")
                let modes = pick.company.map {
                    $0.modes.map { c.optionLabel(stage: stage.id, option: $0) }.joined(separator: ", ")
                }
                add(
                    Self.escape(
                        c.label(
                            "rounds.pick", ["modes": .text(modes.joined(separator: " → ")), "changes": .text(changes)]))
                )
                add("")
                table(
                    c.pickRoundsHeader, align: [false, true, false, true, false, true, false],
                    c.pickRoundsRows(pick).map { $0.map(Self.cell) })
                add("")
                add(Self.escape(c.label("rounds.pick_rule")))
            }
        }
    }

    private mutating func methods() {
        heading(2, context.label("methods.title"))
        add(Self.escape(context.methodsParagraph))
    }

    private mutating func notes() {
        let c = context
        heading(2, c.label("notes"))
        guard !c.state.notes.isEmpty else {
            add(Self.escape(c.label("no_note")))
            return
        }
        for note in c.state.notes {
            add(
                "- *" + Self.escape(c.stageTitle(note.stage)) + "*, " + UTCTime.clock(note.time) + " UTC, "
                    + Self.escape(c.author(note.actor)) + c.colon + Self.escape(note.text))
        }
    }

    // MARK: - Escaping

    static func escape(_ text: String) -> String { MarkdownDocument.escape(text) }

    static func cell(_ text: String) -> String { escape(text) }
}
