import AtelierCore

/// The CSV folder, in the spirit of the Pol.is export set: a summary, the raw
/// answer log, the rater × item matrix, the departments and the silo findings.
/// Ids are exactly those of the workshop and the session; texts are in the
/// export's language; numbers use a dot, at full precision (`JSONValue.format`).
struct CSVExport {
    static let statColumns = ["n", "mean", "median", "q1", "q3", "iqr", "consensus", "consensus_reached"]

    let context: ExportContext
    init(_ context: ExportContext) { self.context = context }

    func files() -> [ExportFile] {
        [
            ExportFile(name: "summary.csv", text: summary().render()),
            ExportFile(name: "answers.csv", text: answers().render()),
            ExportFile(name: "matrix.csv", text: matrix().render()),
            ExportFile(name: "departments.csv", text: departments().render()),
            ExportFile(name: "silos.csv", text: silos().render()),
        ] + (context.showsRounds ? [ExportFile(name: "rounds.csv", text: rounds().render())] : [])
    }

    /// A row per rating item of a reopened stage, per group (the company,
    /// then each department) and per round: the round's figures, the criteria
    /// met, and from round 2 on the step from the round before; then the same
    /// for each reopened pick stage.
    func rounds() -> CSVTable {
        var table = CSVTable(
            ["stage", "item", "group", "round"] + Array(Self.statColumns.dropLast()) + [
                "agreement", "iqr_met", "agreement_met", "tastle_wierman_met", "stability_met", "pairs", "changed",
                "mean_absolute_change", "krippendorff_alpha_interval", "iqr_change", "consensus_change", "verdict",
            ])
        func met(_ value: Bool?) -> CSVTable.Cell { value.map { CSVTable.flag($0) } ?? .value("") }
        for item in context.rounds.itemsWithRounds {
            let groups = [("company", item.company)] + item.departments.map { ($0.id, $0.rounds) }
            for (group, rounds) in groups {
                for figures in rounds.rounds {
                    let stats = figures.stats
                    let step = rounds.steps.first { $0.to == figures.round }
                    let stability = step?.stability
                    table.append([
                        .value(item.stage), .value(item.item), .value(group), CSVTable.count(figures.round),
                        CSVTable.count(stats.n), CSVTable.number(stats.mean), CSVTable.number(stats.median),
                        CSVTable.number(stats.q1), CSVTable.number(stats.q3), CSVTable.number(stats.iqr),
                        CSVTable.number(stats.consensus), CSVTable.number(figures.agreement),
                        met(figures.check.iqr), met(figures.check.agreement), met(figures.check.tastleWierman),
                        met(figures.check.stability), stability.map { CSVTable.count($0.pairs) } ?? .value(""),
                        stability.map { CSVTable.count($0.changed) } ?? .value(""),
                        CSVTable.number(stability?.meanAbsoluteChange), CSVTable.number(stability?.alpha),
                        CSVTable.number(stability?.iqrChange), CSVTable.number(stability?.consensusChange),
                        .value(step?.verdict?.rawValue ?? ""),
                    ])
                }
            }
        }
        // A pick stage: `item` empty, `agreement` the share on the most chosen
        // option; the figures of ratings (mean … consensus, IQR and
        // Tastle–Wierman, mean change, alpha) do not apply and stay empty.
        for pick in context.rounds.picksWithRounds {
            let groups = [("company", pick.companyRounds)] + pick.departmentRounds.map { ($0.id, $0.rounds) }
            for (group, rounds) in groups {
                for figures in rounds.rounds {
                    let step = rounds.steps.first { $0.to == figures.round }
                    let empty = CSVTable.Cell.value("")
                    table.append(
                        [.value(pick.stage), empty, .value(group), CSVTable.count(figures.round)]
                            + [CSVTable.count(figures.stats.n), empty, empty, empty, empty, empty, empty]
                            + [
                                CSVTable.number(figures.agreement), empty, met(figures.check.agreement), empty,
                                met(figures.check.stability), step.map { CSVTable.count($0.pairs) } ?? empty,
                                step.map { CSVTable.count($0.changed) } ?? empty, empty, empty, empty, empty,
                                .value(step?.verdict?.rawValue ?? ""),
                            ])
                }
            }
        }
        return table
    }

    /// Key–value pairs about the session and the company as a whole.
    func summary() -> CSVTable {
        let state = context.state
        let company = context.analysis.company
        let answers = context.answers
        var table = CSVTable(["key", "value"])
        let pairs: [(String, CSVTable.Cell)] = [
            ("format", .value(SummaryJSON.format)),
            ("version", CSVTable.count(context.showsRounds ? SummaryJSON.roundsVersion : SummaryJSON.version)),
            ("workshop", .value(context.workshop.id)),
            ("workshop_version", CSVTable.count(context.workshop.version)),
            ("workshop_title", .text(context.text(context.workshop.title))),
            ("locale", .value(context.language)),
            ("session", .value(state.id)),
            ("started_at", .value(state.startedAt.map(UTCTime.iso8601) ?? "")),
            ("ended_at", .value(state.endedAt.map(UTCTime.iso8601) ?? "")),
            ("departments", CSVTable.count(state.departments.count)),
            ("participants", CSVTable.count(context.participantCount)),
            ("raters", CSVTable.count(context.raters.count)),
            ("answers", CSVTable.count(answers.count)),
            ("changed_answers", CSVTable.count(answers.filter { !$0.current }.count)),
            ("notes", CSVTable.count(state.notes.count)),
            ("krippendorff_alpha_ordinal", CSVTable.number(company.alphaOrdinal)),
            ("krippendorff_alpha_nominal", CSVTable.number(company.alphaNominal)),
            ("maturity", .value(company.maturity?.level ?? "")),
            ("maturity_label", .text(company.maturity.map { context.text($0.label) } ?? "")),
            ("maturity_reason", .text(company.maturity.map { context.render($0.reason) } ?? "")),
            ("silo_findings", CSVTable.count(context.analysis.silos.count)),
        ]
        for (key, value) in pairs + privacy() { table.append([.value(key), value]) }
        return table
    }

    /// Every answer given, changed ones included; `current` is false for an
    /// answer its rater replaced later. A department answering as one voice
    /// has an empty participant.
    func answers() -> CSVTable {
        // `round` (the answer's round of its stage) only where rounds are exported.
        let rounds = context.showsRounds
        var table = CSVTable(
            ["seq", "time", "participant", "department", "stage", "item", "value", "current"]
                + (rounds ? ["round"] : []))
        for row in context.answers {
            table.append(
                [
                    .value(String(row.seq)), .value(UTCTime.iso8601(row.time)), .text(row.participant ?? ""),
                    .value(row.department ?? ""), .value(row.stage), .value(row.item ?? ""), .value(row.value),
                    CSVTable.flag(row.current),
                ] + (rounds ? [CSVTable.count(row.round)] : []))
        }
        return table
    }

    /// A row per rater, a column per rating item and per pick stage: the last answer.
    func matrix() -> CSVTable {
        let items = context.ratingItems.map(\.item.id)
        let stages = context.pickStages.map(\.id)
        var table = CSVTable(["rater", "kind", "department"] + items + stages)
        for rater in context.raters {
            let kind: String
            switch rater {
            case .participant: kind = "participant"
            case .department: kind = "department"
            }
            let ratings = items.map {
                CSVTable.Cell.value(context.latestRating(rater, item: $0).map(String.init) ?? "")
            }
            let picks = stages.map { CSVTable.Cell.value(context.latestPick(rater, stage: $0) ?? "") }
            let who: [CSVTable.Cell] = [
                .text(rater.id), .value(kind), .value(context.state.department(of: rater) ?? ""),
            ]
            table.append(who + ratings + picks)
        }
        return table
    }

    /// `anonymous` and `min_group`, only in a session that sets them.
    private func privacy() -> [(String, CSVTable.Cell)] {
        var pairs: [(String, CSVTable.Cell)] = []
        if context.state.anonymous { pairs.append(("anonymous", .value("true"))) }
        if let minGroup = context.analysis.minGroup { pairs.append(("min_group", CSVTable.count(minGroup))) }
        return pairs
    }

    /// A row per department, then one for the company (empty id): its
    /// statistics per rating item, its counts per pick option, its maturity.
    func departments() -> CSVTable {
        let items = context.ratingItems.map(\.item.id)
        let options = context.pickStages.flatMap { stage in stage.options.map { (stage.id, $0.id) } }
        var header = ["department", "name", "participants"]
        header += items.flatMap { item in Self.statColumns.map { "\(item)_\($0)" } }
        header += options.map { "\($0.0)_\($0.1)" }
        header += ["maturity", "maturity_label", "maturity_reason", "strategies", "knows", "shares_with", "known_by"]
        // Only when the session withholds small groups: which figures of the row are left empty, and why.
        let withholding = context.analysis.minGroup != nil
        if withholding { header.append("withheld") }
        var table = CSVTable(header)
        for department in context.departments {
            var row: [CSVTable.Cell] = [
                .value(department.id), .text(department.name), CSVTable.count(department.participants.count),
            ]
            let withheld = department.withheld
            row += items.flatMap { stats(withheld.contains($0) ? nil : department.ratings[$0]) }
            row += options.map { option in
                pickCount(withheld.contains(option.0) ? nil : department.picks[option.0], option.1)
            }
            row += maturity(department.maturity)
            row += [
                .text(context.strategies(of: department.id).joined(separator: "\n")),
                .value(context.knows(department.id).joined(separator: " ")),
                .value(context.sharesWith(department.id).joined(separator: " ")),
                .value(context.knownBy(department.id).joined(separator: " ")),
            ]
            if withholding {
                let ids = items + context.pickStages.map(\.id)
                row.append(.value(ids.filter(withheld.contains).joined(separator: " ")))
            }
            table.append(row)
        }
        let company = context.analysis.company
        var row: [CSVTable.Cell] = [
            .value(""), .text(context.label("company")), CSVTable.count(context.participantCount),
        ]
        row += items.flatMap { stats(company.ratings[$0]) }
        row += options.map { option in pickCount(company.picks[option.0], option.1) }
        row += maturity(company.maturity) + Array(repeating: .value(""), count: withholding ? 5 : 4)
        table.append(row)
        return table
    }

    /// The silo findings, most severe first.
    func silos() -> CSVTable {
        var table = CSVTable(["rank", "kind", "severity", "departments", "groups", "text", "recommendation"])
        for (index, finding) in context.analysis.silos.enumerated() {
            table.append([
                CSVTable.count(index + 1), .value(finding.kind.rawValue), CSVTable.number(finding.severity),
                .value(finding.departments.joined(separator: " ")),
                .value(finding.groups.map { $0.joined(separator: " ") }.joined(separator: " | ")),
                .text(context.render(finding.message)), .text(context.recommendation(finding) ?? ""),
            ])
        }
        return table
    }

    private func stats(_ stats: ItemStats?) -> [CSVTable.Cell] {
        guard let stats else { return Array(repeating: .value(""), count: Self.statColumns.count) }
        return [
            CSVTable.count(stats.n), CSVTable.number(stats.mean), CSVTable.number(stats.median),
            CSVTable.number(stats.q1),
            CSVTable.number(stats.q3), CSVTable.number(stats.iqr), CSVTable.number(stats.consensus),
            CSVTable.flag(stats.consensusReached),
        ]
    }

    private func maturity(_ result: MaturityResult?) -> [CSVTable.Cell] {
        guard let result else { return Array(repeating: .value(""), count: 3) }
        return [.value(result.level), .text(context.text(result.label)), .text(context.render(result.reason))]
    }

    private func pickCount(_ stats: PickStats?, _ option: String) -> CSVTable.Cell {
        .value(stats.map { String($0.count(option)) } ?? "")
    }
}
