/// The siloed-strategy findings of a session (definitions: docs/analysis.md).
struct SiloDetection {
    let graph: StrategyGraph
    let workshop: Workshop
    let wording: AnalysisWording

    /// Every finding, most severe first, then by kind (in `SiloKind` order),
    /// then by department ids.
    func findings(departments: [DepartmentAnalysis], company: CompanyAnalysis) -> [SiloFinding] {
        var found = unsharedStrategies() + believedShared() + noStrategies()
        if let fragmented = fragmented() { found.append(fragmented) }
        found += divergentPositions(departments, company)
        let order = Dictionary(uniqueKeysWithValues: SiloKind.allCases.enumerated().map { ($1, $0) })
        return found.sorted { a, b in
            if a.severity != b.severity { return a.severity > b.severity }
            if a.kind != b.kind { return order[a.kind, default: 0] < order[b.kind, default: 0] }
            return a.departments.lexicographicallyPrecedes(b.departments)
        }
    }

    private func finding(
        _ kind: SiloKind, _ members: [Int], groups: [[Int]] = [], severity: Double, _ args: [String: MessageValue]
    ) -> SiloFinding {
        let ids = { (indices: [Int]) in indices.map { graph.departments[$0].id } }
        return SiloFinding(
            kind: kind, departments: ids(members), groups: groups.map(ids), severity: severity,
            message: LocalizedMessage("analysis.silo.\(kind.rawValue)", args),
            recommendation: workshop.recommendations[kind.rawValue])
    }

    private func name(_ index: Int) -> MessageValue { .text(graph.departments[index].name) }
    private func names(_ indices: [Int]) -> MessageValue { .list(indices.map { graph.departments[$0].name }) }

    /// A department that declared a strategy that fewer than half of the
    /// other departments know; severity = unaware / others.
    func unsharedStrategies() -> [SiloFinding] {
        let all = 0..<graph.count
        return all.filter { graph.hasStrategy($0) && !graph.isKnownByHalf($0) }.map { index in
            let unaware = all.filter { $0 != index && !graph.knows($0, index) }
            let others = graph.count - 1
            return finding(
                .unsharedStrategy, [index] + unaware, severity: Double(unaware.count) / Double(others),
                [
                    "department": name(index), "unaware": names(unaware), "count": .count(unaware.count),
                    "others": .count(others),
                ])
        }
    }

    /// DEPT said it shares its strategy with OTHER, who does not know it;
    /// severity = the share of DEPT's "shares" that OTHER departments deny.
    func believedShared() -> [SiloFinding] {
        var claims = [Int](repeating: 0, count: graph.count)
        for link in graph.shares { claims[link.from] += 1 }
        let wrong = graph.shares.filter { !graph.knows($0.to, $0.from) }
        var denied = [Int](repeating: 0, count: graph.count)
        for link in wrong { denied[link.from] += 1 }
        return wrong.map { link in
            finding(
                .believedShared, [link.from, link.to], severity: Double(denied[link.from]) / Double(claims[link.from]),
                ["department": name(link.from), "other": name(link.to)])
        }
    }

    /// A department present that declared no strategy; severity 1.
    func noStrategies() -> [SiloFinding] {
        (0..<graph.count).filter { !graph.hasStrategy($0) }.map { index in
            finding(.noStrategy, [index], severity: 1, ["department": name(index)])
        }
    }

    /// The departments with a strategy fall into more than one group;
    /// severity = (groups − 1) / (departments with a strategy − 1).
    func fragmented() -> SiloFinding? {
        let groups = graph.groupsOfDeclared()
        guard groups.count > 1 else { return nil }
        let members = groups.flatMap { $0 }.sorted()
        let listed = groups.map { LocalizedMessage("analysis.silo.group", ["members": names($0)]) }
        return finding(
            .fragmented, members, groups: groups,
            severity: Double(groups.count - 1) / Double(members.count - 1),
            ["count": .count(groups.count), "groups": AnalysisWording.all(listed)])
    }

    /// A department whose most chosen option on the first pick stage shares
    /// nothing with the company's, and whose rating profile is far from the
    /// company's: the mean absolute difference between its item medians and
    /// the company's, over the rating items both have answered, exceeds
    /// `workshop.analysis.divergence` scale points. Severity = the same mean
    /// with each difference divided by its scale's width (0...1).
    func divergentPositions(_ departments: [DepartmentAnalysis], _ company: CompanyAnalysis) -> [SiloFinding] {
        guard let stage = workshop.stages.first(where: { $0.kind == .pick }),
            let companyModes = company.picks[stage.id]?.modes, !companyModes.isEmpty
        else { return [] }
        var found: [SiloFinding] = []
        for (index, department) in departments.enumerated() {
            guard let modes = department.picks[stage.id]?.modes, !modes.isEmpty,
                !modes.contains(where: companyModes.contains),
                let distance = Self.profileDistance(department.ratings, company.ratings, workshop),
                distance.points > workshop.analysis.divergence
            else { continue }
            found.append(
                finding(
                    .divergentPosition, [index], severity: Swift.min(1, distance.share),
                    [
                        "department": name(index), "option": wording.options(modes, of: stage.id),
                        "company": wording.options(companyModes, of: stage.id),
                        "distance": AnalysisWording.number(distance.points),
                    ]))
        }
        return found
    }

    /// The mean absolute difference of item medians, in scale points and as a
    /// share of each scale's width; nil when no item has both medians.
    static func profileDistance(
        _ ratings: [String: ItemStats], _ reference: [String: ItemStats], _ workshop: Workshop
    ) -> (points: Double, share: Double)? {
        var points = 0.0
        var share = 0.0
        var items = 0
        for (stage, item) in workshop.ratingItems {
            guard let scale = workshop.scale(of: stage), scale.max > scale.min,
                let own = ratings[item.id]?.median, let other = reference[item.id]?.median
            else { continue }
            points += abs(own - other)
            share += abs(own - other) / Double(scale.max - scale.min)
            items += 1
        }
        guard items > 0 else { return nil }
        return (points / Double(items), share / Double(items))
    }
}
