import AtelierCore

/// The executive summary's action plan (docs/export-formats.md, "Executive
/// summary"), ranked:
///
/// 1. the step out of the company's maturity level: that level's
///    `recommendation` in the workshop file;
/// 2. then one action per kind of silo finding, in the order of each kind's
///    most severe finding: the workshop's recommendation for that kind,
///    naming the departments the findings are about.
///
/// At most `limit` actions; a step the workshop does not describe is left out.
extension ExportContext {
    static let actionLimit = 5
    /// How many findings the executive summary names.
    static let keyFindings = 3

    var actionPlan: [String] {
        var actions: [String] = []
        if let maturity = analysis.company.maturity, let level = maturityLevel(maturity.level),
            let recommendation = level.recommendation
        {
            actions.append(
                label(
                    "summary.plan_step",
                    ["level": .text(text(level.label)), "recommendation": .text(text(recommendation))]))
        }
        var kinds: [SiloKind] = []
        for finding in analysis.silos where !kinds.contains(finding.kind) { kinds.append(finding.kind) }
        for kind in kinds {
            let findings = analysis.silos.filter { $0.kind == kind }
            guard let recommendation = findings.first?.recommendation else { continue }
            var subjects: [String] = []
            for finding in findings {
                let about = kind == .fragmented ? finding.departments : Array(finding.departments.prefix(1))
                for id in about where !subjects.contains(id) { subjects.append(id) }
            }
            actions.append(
                label(
                    "summary.plan_silo",
                    [
                        "kind": .text(kindLabel(kind)), "departments": .text(names(subjects)),
                        "recommendation": .text(text(recommendation)),
                    ]))
        }
        return Array(actions.prefix(Self.actionLimit))
    }

    /// Where the company stands, in one or two sentences.
    var standing: [String] {
        guard let maturity = analysis.company.maturity else { return [label("summary.no_level")] }
        var lines = [render(maturity.reason)]
        if let level = maturityLevel(maturity.level) {
            lines.insert(text(level.label) + " — " + text(level.description), at: 0)
        }
        return lines
    }

    /// The findings that matter most: the most severe, at most `keyFindings`.
    var keyFindings: [String] {
        analysis.silos.prefix(Self.keyFindings).map { kindLabel($0.kind) + colon + render($0.message) }
    }
}
