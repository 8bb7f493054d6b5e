import AtelierCore

/// The sentences the Markdown and HTML summaries share: numbers turned into
/// plain words a manager reads without a statistics course. Thresholds are
/// documented in docs/export-formats.md.
extension ExportContext {
    /// Agreement in the analysis's words, by its one rule (`AgreementReading`,
    /// docs/analysis.md): the IQR decides agreement or split, the consensus
    /// how strong; a lone answer is "a single answer".
    func agreementWords(_ stats: ItemStats?) -> String {
        render(AgreementReading(stats ?? .empty).message)
    }

    /// Krippendorff's alpha in the analysis's words, with its value.
    func alphaWords(_ alpha: Double?) -> String {
        let reading = render(ReliabilityReading(alpha: alpha).message)
        guard let alpha else { return reading }
        return label("alpha", ["reading": .text(reading), "alpha": .decimal(alpha, digits: 2)])
    }

    /// A median with the scale's words when it falls on a point: `1 (A little like us)`.
    func medianText(_ stats: ItemStats?, item: String) -> String {
        guard let median = stats?.median else { return label("undefined") }
        let value = number(median)
        guard median == median.rounded(), let point = scale(ofItem: item)?.label(Int(median)) else { return value }
        return label("median_point", ["value": .text(value), "point": .text(text(point))])
    }

    /// What the company as a whole says about an item, in one sentence.
    func companySentence(item: Item) -> String {
        guard let stats = analysis.company.ratings[item.id], stats.n > 0 else {
            return label("item.no_answer", ["item": .text(text(item.label))])
        }
        return label(
            "item.company",
            [
                "agreement": .text(agreementWords(stats)),
                "median": .text(medianText(stats, item: item.id)), "iqr": .text(number(stats.iqr)),
                "count": .count(stats.n),
            ])
    }

    /// The company's dominant option on a pick stage, in one sentence.
    func pickSentence(stage: Stage) -> String {
        guard let stats = analysis.company.picks[stage.id], stats.n > 0, !stats.modes.isEmpty else {
            return label("pick.no_answer")
        }
        let tie = stats.modes.count > 1
        // Tied labels are quoted: a list of bare labels reads as one.
        let modes = stats.modes.map { option in
            let words = optionLabel(stage: stage.id, option: option)
            return tie ? catalog.text("analysis.quote", ["text": .text(words)]) : words
        }
        return label(
            tie ? "pick.company_tie" : "pick.company",
            [
                "option": .list(modes), "votes": .count(stats.count(stats.modes[0])), "count": .count(stats.n),
                "share": .text(percent(stats.modeShare ?? 0)),
            ])
    }

    /// The dominant option(s) of a group, or "undefined".
    func modeText(_ stats: PickStats?, stage: String) -> String {
        guard let stats, !stats.modes.isEmpty else { return label("undefined") }
        return catalog.list(stats.modes.map { optionLabel(stage: stage, option: $0) })
    }

    /// "12 participants from 5 departments".
    var turnout: String {
        label(
            "turnout",
            [
                "participants": .count(participantCount), "departments": .count(state.departments.count),
            ])
    }

    func kindLabel(_ kind: SiloKind) -> String { catalog.text("analysis.kind." + kind.rawValue) }

    func names(_ departments: [String]) -> String { catalog.list(departments.map(departmentName)) }

    /// "Session s, 2025-03-12, 09:00:00–10:31:00 UTC".
    var sessionLine: String {
        guard let start = state.startedAt else { return label("session_line_empty", ["session": .text(state.id)]) }
        let end = state.endedAt ?? state.lastEventAt ?? start
        return label(
            "session_line",
            [
                "session": .text(state.id), "date": .text(UTCTime.date(start)), "start": .text(UTCTime.clock(start)),
                "end": .text(UTCTime.clock(end)), "duration": .text(UTCTime.elapsed(milliseconds: end - start)),
            ])
    }

    func percent(_ share: Double) -> String { label("percent", ["value": .text(number(share * 100, digits: 0))]) }

    /// Who wrote a note.
    func author(_ actor: Actor) -> String { actor.participantName ?? label("facilitator") }
}
