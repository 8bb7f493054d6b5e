import AtelierCore

/// The comparison as a CSV folder, one row per fact, each with the step's
/// two session ids: `ratings.csv`, `maturity.csv`, `picks.csv`, `silos.csv`,
/// `awareness.csv`, `departments.csv` (present in one session only) and
/// `not_compared.csv`. Numbers as in the JSON.
struct CompareCSV {
    let context: CompareContext
    init(_ context: CompareContext) { self.context = context }

    func files() -> [ExportFile] {
        [
            ExportFile(name: "ratings.csv", text: ratings().render()),
            ExportFile(name: "maturity.csv", text: maturity().render()),
            ExportFile(name: "picks.csv", text: picks().render()),
            ExportFile(name: "silos.csv", text: silos().render()),
            ExportFile(name: "awareness.csv", text: awareness().render()),
            ExportFile(name: "departments.csv", text: departments().render()),
            ExportFile(name: "not_compared.csv", text: notCompared().render()),
        ]
    }

    private func ids(_ step: Comparison) -> [CSVTable.Cell] { [.value(step.before.id), .value(step.after.id)] }
    private func unit(_ unit: UnitChange) -> CSVTable.Cell { .value(unit.id ?? "") }

    func ratings() -> CSVTable {
        var table = CSVTable([
            "before_session", "after_session", "department", "stage", "item", "n_before", "n_after", "median_before",
            "median_after", "median_change", "iqr_before", "iqr_after", "iqr_change", "consensus_before",
            "consensus_after", "consensus_change", "test", "u", "p", "exact", "cliffs_delta", "magnitude",
        ])
        for step in context.steps {
            for unit in context.units(step) {
                for change in unit.ratings {
                    var row = ids(step) + [self.unit(unit), .value(change.stage), .value(change.item)]
                    row += [CSVTable.count(change.before.n), CSVTable.count(change.after.n)]
                    row += [
                        CSVTable.number(change.before.median), CSVTable.number(change.after.median),
                        CSVTable.number(change.medianChange), CSVTable.number(change.before.iqr),
                        CSVTable.number(change.after.iqr), CSVTable.number(change.iqrChange),
                        CSVTable.number(change.before.consensus), CSVTable.number(change.after.consensus),
                        CSVTable.number(change.consensusChange),
                    ]
                    switch change.shift {
                    case .tooFew:
                        row += [.value("too_few"), .value(""), .value(""), .value(""), .value(""), .value("")]
                    case .tested(let result):
                        row += [
                            .value("mann_whitney"), CSVTable.number(result.u), CSVTable.number(result.p),
                            CSVTable.flag(result.exact), CSVTable.number(result.cliffsDelta),
                            .value(result.magnitude.rawValue),
                        ]
                    }
                    table.append(row)
                }
            }
        }
        return table
    }

    func maturity() -> CSVTable {
        var table = CSVTable([
            "before_session", "after_session", "department", "level_before", "level_after", "move", "reason_after",
        ])
        for step in context.steps {
            for unit in context.units(step) {
                table.append(
                    ids(step) + [
                        self.unit(unit), .value(unit.maturityBefore?.level ?? ""),
                        .value(unit.maturityAfter?.level ?? ""), .value(unit.maturityMove.rawValue),
                        .text(unit.maturityAfter.map { context.render($0.reason) } ?? ""),
                    ])
            }
        }
        return table
    }

    func picks() -> CSVTable {
        var table = CSVTable(["before_session", "after_session", "department", "stage", "option", "before", "after"])
        for step in context.steps {
            for unit in context.units(step) {
                for change in unit.picks {
                    for option in change.options {
                        table.append(
                            ids(step) + [
                                self.unit(unit), .value(change.stage), .value(option),
                                CSVTable.count(change.before.count(option)), CSVTable.count(change.after.count(option)),
                            ])
                    }
                }
            }
        }
        return table
    }

    func silos() -> CSVTable {
        var table = CSVTable([
            "before_session", "after_session", "status", "kind", "departments", "severity_before", "severity_after",
            "text",
        ])
        for step in context.steps {
            for finding in step.silos.resolved {
                table.append(row(step, "resolved", finding, before: finding.severity, after: nil))
            }
            for finding in step.silos.new {
                table.append(row(step, "new", finding, before: nil, after: finding.severity))
            }
            for pair in step.silos.persisting {
                table.append(
                    row(step, "persisting", pair.after, before: pair.before.severity, after: pair.after.severity))
            }
        }
        return table
    }

    private func row(_ step: Comparison, _ status: String, _ finding: SiloFinding, before: Double?, after: Double?)
        -> [CSVTable.Cell]
    {
        ids(step) + [
            .value(status), .value(finding.kind.rawValue), .value(finding.departments.joined(separator: " ")),
            CSVTable.number(before), CSVTable.number(after), .text(context.render(finding.message)),
        ]
    }

    func awareness() -> CSVTable {
        var table = CSVTable(["before_session", "after_session", "department", "knows_strategy_of", "before", "after"])
        for step in context.steps {
            for link in step.awareness {
                table.append(
                    ids(step) + [
                        .value(link.from), .value(link.to), CSVTable.flag(link.before), CSVTable.flag(link.after),
                    ])
            }
        }
        return table
    }

    func departments() -> CSVTable {
        var table = CSVTable(["before_session", "after_session", "department", "name", "only_in"])
        for step in context.steps {
            for department in step.onlyBefore {
                table.append(ids(step) + [.value(department.id), .text(department.name), .value("before")])
            }
            for department in step.onlyAfter {
                table.append(ids(step) + [.value(department.id), .text(department.name), .value("after")])
            }
        }
        return table
    }

    func notCompared() -> CSVTable {
        var table = CSVTable(["before_session", "after_session", "text"])
        for step in context.steps {
            for entry in step.notCompared {
                table.append(ids(step) + [.text(context.notComparedWords(entry, step: step))])
            }
        }
        return table
    }
}
