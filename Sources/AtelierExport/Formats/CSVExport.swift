import AtelierCore

/// The CSV folder, in the spirit of the Pol.is export set: a summary, the raw
/// answer log, the rater × item matrix, the departments and the silo findings.
/// Ids are exactly those of the workshop and the session; texts are in the
/// export's language; numbers use a dot and at most four decimals.
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
        ]
    }

    /// Key–value pairs about the session and the company as a whole.
    func summary() -> CSVTable {
        let state = context.state
        let company = context.analysis.company
        let answers = context.answers
        var table = CSVTable(["key", "value"])
        let pairs: [(String, String)] = [
            ("format", SummaryJSON.format),
            ("version", String(SummaryJSON.version)),
            ("workshop", context.workshop.id),
            ("workshop_version", String(context.workshop.version)),
            ("workshop_title", context.text(context.workshop.title)),
            ("locale", context.language),
            ("session", state.id),
            ("started_at", state.startedAt.map(UTCTime.iso8601) ?? ""),
            ("ended_at", state.endedAt.map(UTCTime.iso8601) ?? ""),
            ("departments", String(state.departments.count)),
            ("participants", String(context.participantCount)),
            ("raters", String(context.raters.count)),
            ("answers", String(answers.count)),
            ("changed_answers", String(answers.filter { !$0.current }.count)),
            ("notes", String(state.notes.count)),
            ("krippendorff_alpha_ordinal", CSVTable.number(company.alphaOrdinal)),
            ("krippendorff_alpha_nominal", CSVTable.number(company.alphaNominal)),
            ("maturity", company.maturity?.level ?? ""),
            ("maturity_label", company.maturity.map { context.text($0.label) } ?? ""),
            ("maturity_reason", company.maturity.map { context.render($0.reason) } ?? ""),
            ("silo_findings", String(context.analysis.silos.count)),
        ]
        for (key, value) in pairs { table.append([key, value]) }
        return table
    }

    /// Every answer given, changed ones included; `current` is false for an
    /// answer its rater replaced later. A department answering as one voice
    /// has an empty participant.
    func answers() -> CSVTable {
        var table = CSVTable(["seq", "time", "participant", "department", "stage", "item", "value", "current"])
        for row in context.answers {
            table.append([
                String(row.seq), UTCTime.iso8601(row.time), row.participant ?? "", row.department ?? "", row.stage,
                row.item ?? "", row.value, CSVTable.flag(row.current),
            ])
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
            let ratings = items.map { context.latestRating(rater, item: $0).map(String.init) ?? "" }
            let picks = stages.map { context.latestPick(rater, stage: $0) ?? "" }
            table.append([rater.id, kind, context.state.department(of: rater) ?? ""] + ratings + picks)
        }
        return table
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
        var table = CSVTable(header)
        for department in context.departments {
            var row = [department.id, department.name, String(department.participants.count)]
            row += items.flatMap { stats(department.ratings[$0]) }
            row += options.map { option in department.picks[option.0].map { String($0.count(option.1)) } ?? "" }
            row += maturity(department.maturity)
            row += [
                context.strategies(of: department.id).joined(separator: "\n"),
                context.knows(department.id).joined(separator: " "),
                context.sharesWith(department.id).joined(separator: " "),
                context.knownBy(department.id).joined(separator: " "),
            ]
            table.append(row)
        }
        let company = context.analysis.company
        var row = ["", context.label("company"), String(context.participantCount)]
        row += items.flatMap { stats(company.ratings[$0]) }
        row += options.map { option in company.picks[option.0].map { String($0.count(option.1)) } ?? "" }
        row += maturity(company.maturity) + ["", "", "", ""]
        table.append(row)
        return table
    }

    /// The silo findings, most severe first.
    func silos() -> CSVTable {
        var table = CSVTable(["rank", "kind", "severity", "departments", "groups", "text", "recommendation"])
        for (index, finding) in context.analysis.silos.enumerated() {
            table.append([
                String(index + 1), finding.kind.rawValue, CSVTable.number(finding.severity),
                finding.departments.joined(separator: " "),
                finding.groups.map { $0.joined(separator: " ") }.joined(separator: " | "),
                context.render(finding.message), context.recommendation(finding) ?? "",
            ])
        }
        return table
    }

    private func stats(_ stats: ItemStats?) -> [String] {
        guard let stats else { return Array(repeating: "", count: Self.statColumns.count) }
        return [
            String(stats.n), CSVTable.number(stats.mean), CSVTable.number(stats.median), CSVTable.number(stats.q1),
            CSVTable.number(stats.q3), CSVTable.number(stats.iqr), CSVTable.number(stats.consensus),
            CSVTable.flag(stats.consensusReached),
        ]
    }

    private func maturity(_ result: MaturityResult?) -> [String] {
        guard let result else { return ["", "", ""] }
        return [result.level, context.text(result.label), context.render(result.reason)]
    }
}
