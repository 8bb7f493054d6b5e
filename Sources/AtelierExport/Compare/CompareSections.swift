import AtelierCore

/// The sections of a comparison, in the order the Markdown and the HTML
/// present them, each as a title and rows of cells. Both formats render
/// these same tables, so they hold the same content.
struct CompareSections {
    let context: CompareContext

    /// The table of sessions compared.
    var sessions: (header: [String], rows: [[String]]) {
        let c = context
        let header = ["session", "date", "version", "departments", "participants"].map {
            c.label("compare.column." + $0)
        }
        let rows = c.sessions.map { session in
            [
                session.id, c.sessionDate(session), String(session.workshop.version),
                String(session.state.departments.count), String(session.state.participantOrder.count),
            ]
        }
        return (header, rows)
    }

    /// The company over time: a row per session, its maturity and item medians.
    func trendCompany(_ trend: Trend) -> (header: [String], rows: [[String]]) {
        let c = context
        let header =
            ["session", "date", "level"].map { c.catalog.text("trend.column." + $0) } + trend.items.map(c.itemLabel)
        let company = trend.units[0]
        let rows = company.points.enumerated().map { index, point in
            [c.sessions[index].id, c.sessionDate(c.sessions[index]), c.level(point?.maturity)]
                + (point?.medians ?? []).map { c.number($0) }
        }
        return (header, rows)
    }

    /// Each department's maturity over time: a row per department, a column per session.
    func trendMaturity(_ trend: Trend) -> (header: [String], rows: [[String]]) {
        let c = context
        let header = [c.label("compare.column.unit")] + c.sessions.map(c.sessionName)
        let rows = trend.units.dropFirst().map { unit in
            [unit.name] + unit.points.map { point in point.map { c.level($0.maturity) } ?? c.exportLabel("undefined") }
        }
        return (header, Array(rows))
    }

    /// The lines of "in short" for one step.
    func glance(_ step: Comparison) -> [String] {
        let c = context
        var lines = [
            c.label(
                "compare.glance.maturity",
                [
                    "before": .text(c.level(step.company.maturityBefore)),
                    "after": .text(c.level(step.company.maturityAfter)),
                    "move": .text(c.move(step.company.maturityMove)),
                ]),
            c.label(
                "compare.glance.silos",
                [
                    "resolved": .count(step.silos.resolved.count), "new": .count(step.silos.new.count),
                    "persisting": .count(step.silos.persisting.count),
                ]),
            c.label("compare.glance.shifts", ["count": .count(c.clearShifts(step))]),
        ]
        let learned = step.awareness.filter { !$0.before && $0.after }.count
        lines.append(c.label("compare.glance.learned", ["count": .count(learned)]))
        return lines
    }

    func maturity(_ step: Comparison) -> (header: [String], rows: [[String]]) {
        let c = context
        let header = ["unit", "before", "after", "move", "why"].map { c.label("compare.column." + $0) }
        let rows = c.units(step).map { unit in
            [
                c.unitName(unit), c.level(unit.maturityBefore), c.level(unit.maturityAfter), c.move(unit.maturityMove),
                unit.maturityAfter.map { c.render($0.reason) } ?? "",
            ]
        }
        return (header, rows)
    }

    /// One table per rating item: a row per unit.
    func ratings(_ step: Comparison) -> [(title: String, header: [String], rows: [[String]])] {
        let c = context
        let header = ["unit", "answers", "median", "iqr", "consensus", "shift"].map { c.label("compare.column." + $0) }
        return step.items.map { entry in
            let rows = c.units(step).compactMap { unit -> [String]? in
                guard let change = unit.ratings.first(where: { $0.item == entry.item.id }) else { return nil }
                return [
                    c.unitName(unit), c.arrow(String(change.before.n), String(change.after.n)),
                    c.change(change.before.median, change.after.median, change.medianChange),
                    c.change(change.before.iqr, change.after.iqr, change.iqrChange),
                    c.change(change.before.consensus, change.after.consensus, change.consensusChange),
                    c.shiftWords(change.shift),
                ]
            }
            return (c.text(entry.item.label), header, rows)
        }
    }

    /// One table per pick stage: a row per unit, a column per option, then the modes.
    func picks(_ step: Comparison) -> [(title: String, header: [String], rows: [[String]])] {
        let c = context
        return step.pickStages.map { stage in
            let options = step.company.picks.first { $0.stage == stage.id }?.options ?? []
            let header =
                [c.label("compare.column.unit")] + options.map { c.optionLabel(stage: stage.id, option: $0) }
                + [c.label("compare.column.dominant")]
            let rows = c.units(step).compactMap { unit -> [String]? in
                guard let change = unit.picks.first(where: { $0.stage == stage.id }) else { return nil }
                return [c.unitName(unit)]
                    + options.map { c.arrow(String(change.before.count($0)), String(change.after.count($0))) }
                    + [c.arrow(c.modes(change.before, stage: stage.id), c.modes(change.after, stage: stage.id))]
            }
            return (c.text(stage.title), header, rows)
        }
    }

    /// Resolved, new and persisting findings, each a list of sentences.
    func silos(_ step: Comparison) -> [(title: String, lines: [String])] {
        let c = context
        func line(_ finding: SiloFinding) -> String {
            c.kindLabel(finding.kind) + c.colon + c.render(finding.message)
        }
        return [
            (c.label("compare.silos.resolved"), step.silos.resolved.map(line)),
            (c.label("compare.silos.new"), step.silos.new.map(line)),
            (
                c.label("compare.silos.persisting"),
                step.silos.persisting.map { pair in
                    line(pair.after) + " "
                        + c.label(
                            "compare.silos.severity",
                            [
                                "before": .text(c.number(pair.before.severity * 100, digits: 0)),
                                "after": .text(c.number(pair.after.severity * 100, digits: 0)),
                            ])
                }
            ),
        ]
    }

    /// The awareness matrix: rows know columns' strategies, "before → after".
    func awareness(_ step: Comparison) -> (header: [String], rows: [[String]]) {
        let c = context
        let ids = step.departments.compactMap(\.id)
        let header = [c.label("compare.column.knows")] + ids.map { c.departmentName($0, in: step) }
        let rows = ids.map { from in
            [c.departmentName(from, in: step)]
                + ids.map { to in
                    guard let link = step.awareness.first(where: { $0.from == from && $0.to == to }) else { return "" }
                    return c.arrow(c.mark(link.before), c.mark(link.after))
                }
        }
        return (header, rows)
    }

    /// Who learned or forgot whose strategy, in sentences.
    func awarenessChanges(_ step: Comparison) -> [String] {
        let c = context
        return step.awareness.filter(\.changed).map { link in
            c.label(
                link.after ? "compare.awareness.learned" : "compare.awareness.forgot",
                [
                    "department": .text(c.departmentName(link.from, in: step)),
                    "other": .text(c.departmentName(link.to, in: step)),
                ])
        }
    }

    func lone(_ step: Comparison) -> [String] {
        let c = context
        var lines: [String] = []
        if !step.onlyBefore.isEmpty {
            lines.append(c.label("compare.lone.before", ["departments": .list(step.onlyBefore.map(\.name))]))
        }
        if !step.onlyAfter.isEmpty {
            lines.append(c.label("compare.lone.after", ["departments": .list(step.onlyAfter.map(\.name))]))
        }
        return lines.isEmpty ? [c.label("compare.lone.none")] : lines
    }

    func notCompared(_ step: Comparison) -> [String] {
        let c = context
        guard !step.notCompared.isEmpty else { return [c.label("compare.not_compared.none")] }
        return step.notCompared.map { c.notComparedWords($0, step: step) }
    }
}
