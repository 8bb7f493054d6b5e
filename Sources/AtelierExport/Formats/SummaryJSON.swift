import AtelierCore

/// The `atelier.summary` JSON document (docs/summary.schema.json): version 1
/// for a session recorded before rounds existed (its exports keep their
/// bytes), version 2 otherwise, which adds `criteria` and `rounds`.
/// Keys come in a fixed order; maps keyed by item, stage or option follow
/// the workshop's order.
struct SummaryJSON {
    static let format = "atelier.summary"
    static let version = 1
    static let roundsVersion = 2

    let context: ExportContext
    init(_ context: ExportContext) { self.context = context }

    func render() -> String { document().render() }

    func document() -> JSONValue {
        let state = context.state
        let rounds = context.showsRounds ? context.rounds : nil
        return .object(
            [
                ("format", .string(Self.format)),
                ("version", .int(rounds == nil ? Self.version : Self.roundsVersion)),
                ("generator", .string(AtelierVersion.generator)),
                (
                    "workshop",
                    .object([
                        ("id", .string(context.workshop.id)),
                        ("version", .int(context.workshop.version)),
                        ("title", .string(context.text(context.workshop.title))),
                    ])
                ),
                ("locale", .string(context.language)),
                (
                    "session",
                    .object(
                        [
                            ("id", .string(state.id)),
                            ("started_at", .optional(state.startedAt.map(UTCTime.iso8601))),
                            ("ended_at", .optional(state.endedAt.map(UTCTime.iso8601))),
                            ("events", .int(state.eventCount)),
                        ] + privacy())
                ),
                ("departments", .array(context.departments.map(department))),
                ("company", company()),
                ("silos", .array(context.analysis.silos.map(silo))),
                ("notes", .array(context.state.notes.map(note))),
            ] + (rounds.map { RoundsJSON(context: context, rounds: $0).members() } ?? []))
    }

    /// `anonymous` and `min_group`, only in a session that sets them (so
    /// every other session's document is as before).
    private func privacy() -> [(String, JSONValue)] {
        var keys: [(String, JSONValue)] = []
        if context.state.anonymous { keys.append(("anonymous", .bool(true))) }
        if let minGroup = context.analysis.minGroup { keys.append(("min_group", .int(minGroup))) }
        return keys
    }

    private func department(_ department: DepartmentAnalysis) -> JSONValue {
        let withheld = department.withheld
        var keys: [(String, JSONValue)] = [
            ("id", .string(department.id)),
            ("name", .string(department.name)),
            ("participants", .strings(department.participants)),
            ("ratings", ratings(department.ratings.filter { !withheld.contains($0.key) })),
            ("picks", picks(department.picks.filter { !withheld.contains($0.key) })),
            ("maturity", context.json(department.maturity)),
            ("strategies", .strings(context.strategies(of: department.id))),
            ("knows", .strings(context.knows(department.id))),
            ("shares_with", .strings(context.sharesWith(department.id))),
        ]
        if context.analysis.minGroup != nil {
            let ids = context.ratingItems.map(\.item.id) + context.pickStages.map(\.id)
            keys.append(("withheld", .strings(ids.filter(withheld.contains))))
        }
        return .object(keys)
    }

    private func company() -> JSONValue {
        let company = context.analysis.company
        return .object([
            ("participants", .int(context.participantCount)),
            ("ratings", ratings(company.ratings)),
            ("picks", picks(company.picks)),
            ("krippendorff_alpha_ordinal", .optional(company.alphaOrdinal)),
            ("krippendorff_alpha_nominal", .optional(company.alphaNominal)),
            ("maturity", context.json(company.maturity)),
        ])
    }

    private func ratings(_ stats: [String: ItemStats]) -> JSONValue {
        .object(context.ratingItems.compactMap { entry in stats[entry.item.id].map { (entry.item.id, item($0)) } })
    }

    private func item(_ stats: ItemStats) -> JSONValue {
        .object([
            ("n", .int(stats.n)),
            ("mean", .optional(stats.mean)),
            ("median", .optional(stats.median)),
            ("q1", .optional(stats.q1)),
            ("q3", .optional(stats.q3)),
            ("iqr", .optional(stats.iqr)),
            ("consensus", .optional(stats.consensus)),
            ("consensus_reached", .optional(stats.consensusReached)),
            ("distribution", .array(stats.distribution.map { .int($0) })),
        ])
    }

    private func picks(_ stats: [String: PickStats]) -> JSONValue {
        .object(
            context.pickStages.compactMap { stage in
                stats[stage.id].map { pick in
                    (stage.id, .object(stage.options.map { ($0.id, .int(pick.count($0.id))) }))
                }
            })
    }

    private func silo(_ finding: SiloFinding) -> JSONValue {
        .object([
            ("kind", .string(finding.kind.rawValue)),
            ("departments", .strings(finding.departments)),
            ("groups", .array(finding.groups.map { .strings($0) })),
            ("severity", .number(finding.severity)),
            ("text", .string(context.render(finding.message))),
            ("recommendation", .optional(context.recommendation(finding))),
        ])
    }

    private func note(_ note: Note) -> JSONValue {
        .object([
            ("time", .string(UTCTime.iso8601(note.time))),
            ("stage", .string(note.stage)),
            ("author", .optional(note.actor.participantName)),
            ("text", .string(note.text)),
        ])
    }
}
