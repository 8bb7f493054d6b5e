import AtelierCore

/// The `atelier.comparison` JSON document, version 1
/// (docs/compare.schema.json): the sessions, then one step per session after
/// the first, comparing it with the one before.
struct CompareJSON {
    static let format = "atelier.comparison"
    static let version = 1

    let context: CompareContext
    init(_ context: CompareContext) { self.context = context }

    func render() -> String { document().render() }

    func document() -> JSONValue {
        let c = context
        return .object([
            ("format", .string(Self.format)),
            ("version", .int(Self.version)),
            ("workshop", .object([("id", .string(c.workshop.id)), ("title", .string(c.text(c.workshop.title)))])),
            ("locale", .string(c.language)),
            ("sessions", .array(c.sessions.map(session))),
            ("steps", .array(c.steps.map(step))),
        ])
    }

    private func session(_ session: ComparedSession) -> JSONValue {
        .object([
            ("id", .string(session.id)),
            ("workshop_version", .int(session.workshop.version)),
            ("started_at", .optional(session.state.startedAt.map(UTCTime.iso8601))),
            ("departments", .strings(session.state.departments.map(\.id))),
            ("participants", .int(session.state.participantOrder.count)),
        ])
    }

    private func step(_ step: Comparison) -> JSONValue {
        let c = context
        return .object([
            ("before", .string(step.before.id)),
            ("after", .string(step.after.id)),
            ("company", unit(step.company)),
            ("departments", .array(step.departments.map(unit))),
            ("only_before", .array(step.onlyBefore.map(lone))),
            ("only_after", .array(step.onlyAfter.map(lone))),
            (
                "silos",
                .object([
                    ("resolved", .array(step.silos.resolved.map(silo))),
                    ("new", .array(step.silos.new.map(silo))),
                    (
                        "persisting",
                        .array(
                            step.silos.persisting.map {
                                .object([("before", silo($0.before)), ("after", silo($0.after))])
                            }
                        )
                    ),
                ])
            ),
            (
                "awareness",
                .array(
                    step.awareness.map { link in
                        .object([
                            ("from", .string(link.from)), ("to", .string(link.to)), ("before", .bool(link.before)),
                            ("after", .bool(link.after)),
                        ])
                    })
            ),
            ("not_compared", .array(step.notCompared.map { notCompared($0, step: step) })),
            ("clear_shifts", .int(c.clearShifts(step))),
        ])
    }

    private func unit(_ unit: UnitChange) -> JSONValue {
        .object([
            ("id", .optional(unit.id)),
            ("name", .string(context.unitName(unit))),
            (
                "maturity",
                .object([
                    ("before", context.json(unit.maturityBefore)),
                    ("after", context.json(unit.maturityAfter)),
                    ("move", .string(unit.maturityMove.rawValue)),
                ])
            ),
            ("ratings", .array(unit.ratings.map(rating))),
            ("picks", .array(unit.picks.map(pick))),
        ])
    }

    private func rating(_ change: ItemChange) -> JSONValue {
        .object([
            ("stage", .string(change.stage)),
            ("item", .string(change.item)),
            ("before", stats(change.before)),
            ("after", stats(change.after)),
            ("median_change", .optional(change.medianChange)),
            ("iqr_change", .optional(change.iqrChange)),
            ("consensus_change", .optional(change.consensusChange)),
            ("shift", shift(change.shift)),
        ])
    }

    private func stats(_ stats: ItemStats) -> JSONValue {
        .object([
            ("n", .int(stats.n)),
            ("median", .optional(stats.median)),
            ("q1", .optional(stats.q1)),
            ("q3", .optional(stats.q3)),
            ("iqr", .optional(stats.iqr)),
            ("consensus", .optional(stats.consensus)),
            ("distribution", .array(stats.distribution.map { .int($0) })),
        ])
    }

    private func shift(_ shift: ShiftTest) -> JSONValue {
        switch shift {
        case .tooFew(let before, let after):
            return .object([
                ("test", .string("too_few")),
                ("n_before", .int(before)),
                ("n_after", .int(after)),
                ("minimum", .int(MannWhitney.minimumAnswers)),
            ])
        case .tested(let result):
            return .object([
                ("test", .string("mann_whitney")),
                ("n_before", .int(result.before)),
                ("n_after", .int(result.after)),
                ("u", .number(result.u)),
                ("p", .number(result.p)),
                ("exact", .bool(result.exact)),
                ("significant", .bool(result.isSignificant)),
                ("cliffs_delta", .number(result.cliffsDelta)),
                ("magnitude", .string(result.magnitude.rawValue)),
            ])
        }
    }

    private func pick(_ change: PickChange) -> JSONValue {
        .object([
            ("stage", .string(change.stage)),
            (
                "options",
                .array(
                    change.options.map { option in
                        .object([
                            ("option", .string(option)), ("before", .int(change.before.count(option))),
                            ("after", .int(change.after.count(option))),
                        ])
                    })
            ),
            ("modes_before", .strings(change.before.modes)),
            ("modes_after", .strings(change.after.modes)),
        ])
    }

    private func silo(_ finding: SiloFinding) -> JSONValue {
        .object([
            ("kind", .string(finding.kind.rawValue)),
            ("departments", .strings(finding.departments)),
            ("severity", .number(finding.severity)),
            ("text", .string(context.render(finding.message))),
        ])
    }

    private func lone(_ department: LoneDepartment) -> JSONValue {
        .object([("id", .string(department.id)), ("name", .string(department.name))])
    }

    private func notCompared(_ entry: NotCompared, step: Comparison) -> JSONValue {
        let text = context.notComparedWords(entry, step: step)
        switch entry {
        case .stage(let id, let inBefore):
            return .object([("what", .string("stage")), ("id", .string(id)), side(inBefore), ("text", .string(text))])
        case .item(let id, let inBefore):
            return .object([("what", .string("item")), ("id", .string(id)), side(inBefore), ("text", .string(text))])
        case .scaleChanged(let item):
            return .object([("what", .string("scale")), ("id", .string(item)), ("text", .string(text))])
        case .option(let stage, let id, let inBefore):
            return .object([
                ("what", .string("option")), ("id", .string(id)), ("stage", .string(stage)), side(inBefore),
                ("text", .string(text)),
            ])
        case .maturityLevels:
            return .object([("what", .string("maturity_levels")), ("text", .string(text))])
        }
    }

    private func side(_ inBefore: Bool) -> (String, JSONValue) {
        ("only_in", .string(inBefore ? "before" : "after"))
    }
}
