import AtelierCore

/// The members version 2 of the summary adds: `criteria` (those in force,
/// whether the session recorded them at its start, the workshop digest) and
/// `rounds` (every stage that had a second round, round by round).
struct RoundsJSON {
    let context: ExportContext
    let rounds: RoundsAnalysis

    func members() -> [(String, JSONValue)] {
        [("criteria", criteria()), ("rounds", .array(stages()))]
    }

    private func criteria() -> JSONValue {
        let criteria = rounds.criteria
        return .object([
            ("recorded_at_start", .bool(rounds.criteriaRecorded)),
            ("workshop_digest", .optional(context.state.workshopDigest)),
            ("iqr_max", .optional(criteria.iqrMax)),
            (
                "agreement_band",
                criteria.agreementBand.map { .array([.int($0.low), .int($0.high)]) } ?? .null
            ),
            ("agreement_min", .optional(criteria.agreementMin)),
            ("tastle_wierman_min", .optional(criteria.tastleWiermanMin)),
            ("stability_min", .optional(criteria.stabilityMin)),
        ])
    }

    private func stages() -> [JSONValue] {
        var out: [JSONValue] = []
        for stage in context.workshop.stages {
            let items = rounds.itemsWithRounds.filter { $0.stage == stage.id }
            if !items.isEmpty {
                out.append(
                    .object([
                        ("stage", .string(stage.id)),
                        ("kind", .string(stage.kind.rawValue)),
                        ("rounds", .int(items[0].company.rounds.count)),
                        ("items", .array(items.map(item))),
                    ]))
            }
            if let pick = rounds.picksWithRounds.first(where: { $0.stage == stage.id }) {
                out.append(
                    .object([
                        ("stage", .string(stage.id)),
                        ("kind", .string(stage.kind.rawValue)),
                        ("rounds", .int(pick.company.count)),
                        ("company", pickGroup(pick.companyRounds, stage: stage)),
                        (
                            "departments",
                            .object(
                                context.departments.compactMap { department in
                                    // A department withheld as a small group has no rounds here.
                                    pick.department(department.id).map { (department.id, pickGroup($0, stage: stage)) }
                                })
                        ),
                        (
                            "changes",
                            .array(
                                pick.changes.map {
                                    .object([("pairs", .int($0.pairs)), ("changed", .int($0.changed))])
                                })
                        ),
                        (
                            "steps",
                            .object([
                                ("company", .array(pick.companyRounds.steps.map(pickStep))),
                                (
                                    "departments",
                                    .object(
                                        context.departments.compactMap { department in
                                            pick.department(department.id).map {
                                                (department.id, .array($0.steps.map(pickStep)))
                                            }
                                        })
                                ),
                            ])
                        ),
                        (
                            "verdict",
                            .object([
                                ("company", .optional(pick.companyRounds.verdict?.rawValue)),
                                (
                                    "departments",
                                    .object(
                                        context.departments.compactMap { department in
                                            pick.department(department.id).map {
                                                (department.id, .optional($0.verdict?.rawValue))
                                            }
                                        })
                                ),
                            ])
                        ),
                    ]))
            }
        }
        return out
    }

    private func item(_ item: ItemRounds) -> JSONValue {
        .object([
            ("item", .string(item.item)),
            ("company", group(item.company)),
            ("departments", .object(item.departments.map { ($0.id, group($0.rounds)) })),
        ])
    }

    private func group(_ group: GroupRounds) -> JSONValue {
        .object([
            ("rounds", .array(group.rounds.map(figures))),
            ("steps", .array(group.steps.map(step))),
            ("verdict", .optional(group.verdict?.rawValue)),
        ])
    }

    private func figures(_ figures: RoundFigures) -> JSONValue {
        let stats = figures.stats
        return .object([
            ("round", .int(figures.round)),
            ("n", .int(stats.n)),
            ("mean", .optional(stats.mean)),
            ("median", .optional(stats.median)),
            ("q1", .optional(stats.q1)),
            ("q3", .optional(stats.q3)),
            ("iqr", .optional(stats.iqr)),
            ("consensus", .optional(stats.consensus)),
            ("agreement", .optional(figures.agreement)),
            ("distribution", .array(stats.distribution.map { .int($0) })),
            (
                "criteria_met",
                .object([
                    ("iqr", .optional(figures.check.iqr)),
                    ("agreement", .optional(figures.check.agreement)),
                    ("tastle_wierman", .optional(figures.check.tastleWierman)),
                    ("stability", .optional(figures.check.stability)),
                ])
            ),
        ])
    }

    private func step(_ step: RoundStep) -> JSONValue {
        let stability = step.stability
        return .object([
            ("from", .int(step.from)),
            ("to", .int(step.to)),
            ("pairs", .int(stability.pairs)),
            ("changed", .int(stability.changed)),
            ("changed_share", .optional(stability.changedShare)),
            ("mean_absolute_change", .optional(stability.meanAbsoluteChange)),
            ("krippendorff_alpha_interval", .optional(stability.alpha)),
            ("iqr_change", .optional(stability.iqrChange)),
            ("consensus_change", .optional(stability.consensusChange)),
            ("verdict", .optional(step.verdict?.rawValue)),
        ])
    }

    private func pickGroup(_ group: GroupPickRounds, stage: Stage) -> JSONValue {
        .array(
            group.rounds.map { figures in
                .object([
                    ("round", .int(figures.round)),
                    ("n", .int(figures.stats.n)),
                    ("counts", .object(stage.options.map { ($0.id, .int(figures.stats.count($0.id))) })),
                    ("agreement", .optional(figures.agreement)),
                    (
                        "criteria_met",
                        .object([
                            ("agreement", .optional(figures.check.agreement)),
                            ("stability", .optional(figures.check.stability)),
                        ])
                    ),
                ])
            })
    }

    private func pickStep(_ step: PickStep) -> JSONValue {
        .object([
            ("from", .int(step.from)),
            ("to", .int(step.to)),
            ("pairs", .int(step.pairs)),
            ("changed", .int(step.changed)),
            ("kept_share", .optional(step.keptShare)),
            ("agreement_change", .optional(step.agreementChange)),
            ("verdict", .optional(step.verdict?.rawValue)),
        ])
    }
}
