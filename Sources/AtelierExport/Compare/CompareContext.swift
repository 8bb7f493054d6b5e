import AtelierCore

/// What every comparison format reads, and the words they share.
struct CompareContext: ReportWording {
    let sessions: [ComparedSession]
    let steps: [Comparison]
    let catalog: Catalog

    /// The latest session's workshop: its names are used throughout.
    var workshop: Workshop { sessions.last?.workshop ?? sessions[0].workshop }

    /// A message of the catalog, its key written whole (the shipped-files test checks it exists).
    func label(_ key: String, _ args: [String: MessageValue] = [:]) -> String {
        catalog.text(key, args)
    }

    /// A change with its sign: `+0.5`, `−1`, `0`.
    func signed(_ value: Double?) -> String {
        guard let value else { return exportLabel("undefined") }
        let magnitude = number(abs(value))
        if magnitude == "0" { return "0" }
        return (value > 0 ? "+" : "−") + magnitude
    }

    /// "1 → 0.5 (−0.5)".
    func change(_ before: Double?, _ after: Double?, _ delta: Double?) -> String {
        label(
            "compare.change",
            ["before": .text(number(before)), "after": .text(number(after)), "delta": .text(signed(delta))])
    }

    /// "4 → 5".
    func arrow(_ before: String, _ after: String) -> String {
        label("compare.arrow", ["before": .text(before), "after": .text(after)])
    }

    // MARK: - Names

    func itemLabel(_ id: String) -> String {
        workshop.stage(holdingItem: id)?.item(id).map { text($0.label) } ?? id
    }

    func stageTitle(_ id: String) -> String {
        (workshop.stage(id) ?? sessions.lazy.compactMap { $0.workshop.stage(id) }.first).map { text($0.title) } ?? id
    }

    func optionLabel(stage: String, option: String) -> String {
        for session in sessions.reversed() {
            if let found = session.workshop.stage(stage)?.option(option) { return text(found.label) }
        }
        return option
    }

    func unitName(_ unit: UnitChange) -> String { unit.id == nil ? exportLabel("company") : unit.name }

    /// Every unit of a step: the departments, then the company.
    func units(_ step: Comparison) -> [UnitChange] { step.departments + [step.company] }

    func departmentName(_ id: String, in step: Comparison) -> String {
        step.after.state.department(id)?.name ?? step.before.state.department(id)?.name ?? id
    }

    func level(_ result: MaturityResult?) -> String {
        result.map { text($0.label) } ?? exportLabel("undefined")
    }

    func move(_ move: MaturityMove) -> String { label("compare.move." + move.rawValue) }

    func sessionDate(_ session: ComparedSession) -> String {
        session.state.startedAt.map(UTCTime.date) ?? exportLabel("undefined")
    }

    /// "demo-2025-03-13 (2025-03-13)".
    func sessionName(_ session: ComparedSession) -> String {
        label("compare.session_name", ["session": .text(session.id), "date": .text(sessionDate(session))])
    }

    func stepTitle(_ step: Comparison) -> String {
        arrow(sessionName(step.before), sessionName(step.after))
    }

    // MARK: - The shift test in words

    func shiftWords(_ shift: ShiftTest) -> String {
        switch shift {
        case .tooFew(let before, let after):
            return label(
                "compare.shift.too_few",
                ["before": .count(before), "after": .count(after), "minimum": .count(MannWhitney.minimumAnswers)])
        case .tested(let result):
            let direction: String
            if !result.isSignificant {
                direction = "compare.shift.unclear"
            } else {
                direction = result.cliffsDelta > 0 ? "compare.shift.up" : "compare.shift.down"
            }
            return label(
                direction,
                [
                    "p": .text(pValue(result.p)),
                    "method": .text(label(result.exact ? "compare.method.exact" : "compare.method.normal")),
                    "delta": .text(signed(result.cliffsDelta)),
                    "magnitude": .text(label("compare.magnitude." + result.magnitude.rawValue)),
                ])
        }
    }

    /// p with three decimals, "< 0.001" below.
    func pValue(_ p: Double) -> String {
        p < 0.001 ? label("compare.p_below", ["value": .text(number(0.001, digits: 3))]) : number(p, digits: 3)
    }

    // MARK: - Silos and the rest

    func kindLabel(_ kind: SiloKind) -> String { catalog.text("analysis.kind." + kind.rawValue) }

    func notComparedWords(_ entry: NotCompared, step: Comparison) -> String {
        func side(_ inBefore: Bool) -> MessageValue {
            .text(label(inBefore ? "compare.side.before" : "compare.side.after"))
        }
        switch entry {
        case .stage(let id, let inBefore):
            return label("compare.not_compared.stage", ["stage": .text(stageTitle(id)), "side": side(inBefore)])
        case .item(let id, let inBefore):
            let name =
                (inBefore ? step.before.workshop : step.after.workshop).stage(holdingItem: id)?.item(id).map {
                    text($0.label)
                } ?? id
            return label("compare.not_compared.item", ["item": .text(name), "side": side(inBefore)])
        case .scaleChanged(let item):
            return label("compare.not_compared.scale", ["item": .text(itemLabel(item))])
        case .option(let stage, let id, let inBefore):
            return label(
                "compare.not_compared.option",
                [
                    "option": .text(optionLabel(stage: stage, option: id)), "stage": .text(stageTitle(stage)),
                    "side": side(inBefore),
                ])
        case .maturityLevels:
            return label("compare.not_compared.maturity_levels")
        }
    }

    /// How many rating items of the step shifted clearly (p < 0.05), over every unit.
    func clearShifts(_ step: Comparison) -> Int {
        units(step).reduce(0) { total, unit in
            total
                + unit.ratings.filter {
                    if case .tested(let result) = $0.shift { return result.isSignificant }
                    return false
                }.count
        }
    }

    /// The modes of a pick, as labels; "–" when none.
    func modes(_ stats: PickStats, stage: String) -> String {
        stats.modes.isEmpty
            ? exportLabel("undefined") : catalog.list(stats.modes.map { optionLabel(stage: stage, option: $0) })
    }

    func mark(_ known: Bool) -> String { label(known ? "compare.awareness.yes" : "compare.awareness.no") }
}
