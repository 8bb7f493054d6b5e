extension Analysis {
    /// The whole analysis of a session state (definitions: docs/analysis.md).
    /// Pure and deterministic: the same state gives the same analysis.
    /// Workshop names in its messages are in `language` (default: the session's).
    public static func of(_ state: SessionState, language: String? = nil) -> Analysis {
        let workshop = state.workshop
        let groups = RaterGroups(state)
        let ratings = RatingTally(state, groups: groups)
        let picks = PickTally(state, groups: groups)
        let graph = StrategyGraph(state, groups: groups)
        let wording = AnalysisWording(workshop: workshop, language: language ?? state.locale)
        let placement = MaturityPlacement(model: workshop.maturity, wording: wording)
        let participants = groups.participants
        let departments = groups.departments.enumerated().map { index, department in
            let unit = MaturityPlacement.Unit(
                ratings: ratings.departments[index], picks: picks.departments[index],
                strategy: { graph.requirement($0, department: index) })
            return DepartmentAnalysis(
                id: department.id, name: department.name, participants: participants[index],
                ratings: ratings.departments[index], picks: picks.departments[index],
                maturity: placement.place(unit))
        }
        let companyUnit = MaturityPlacement.Unit(
            ratings: ratings.company, picks: picks.company, strategy: { graph.companyRequirement($0) })
        let company = CompanyAnalysis(
            ratings: ratings.company, picks: picks.company,
            alphaOrdinal: ratings.alphaOrdinal(workshop),
            alphaNominal: picks.alphaNominal(),
            maturity: placement.place(companyUnit))
        let silos = SiloDetection(graph: graph, workshop: workshop, wording: wording)
            .findings(departments: departments, company: company)
        return Analysis(departments: departments, company: company, silos: silos)
    }

    /// The items the ordinal alpha runs over: those of the scale used by the
    /// most rating items (on a tie, the scale met first in workshop order).
    public static func ordinalAlphaItems(_ workshop: Workshop) -> [String] {
        var order: [String] = []
        var items: [String: [String]] = [:]
        for (stage, item) in workshop.ratingItems {
            guard let scale = stage.scale, workshop.scale(scale) != nil else { continue }
            if items[scale] == nil { order.append(scale) }
            items[scale, default: []].append(item.id)
        }
        var best: [String] = []
        for scale in order where (items[scale]?.count ?? 0) > best.count {
            best = items[scale] ?? []
        }
        return best
    }
}

/// The rating items' statistics per department and for the company.
struct RatingTally {
    /// Per department (in `RaterGroups` order), per item id.
    private(set) var departments: [[String: ItemStats]]
    private(set) var company: [String: ItemStats] = [:]
    /// The company's answers per item id.
    private(set) var distributions: [String: Distribution] = [:]

    init(_ state: SessionState, groups: RaterGroups) {
        let workshop = state.workshop
        let threshold = workshop.analysis.consensusIQR
        departments = Array(repeating: [:], count: groups.departments.count)
        // Each rater's department, by rater number (-1: none present).
        let groupOfRater = state.raterOrder.map { groups.group(of: $0) ?? -1 }
        for (stage, item) in workshop.ratingItems {
            guard let scale = workshop.scale(of: stage) else { continue }
            let (low, high) = (scale.min, scale.max)
            let width = high - low + 1
            // One row of `width` counts per department, then the company's row.
            var counts = [Int](repeating: 0, count: width * (groups.departments.count + 1))
            let companyRow = width * groups.departments.count
            for (number, value) in (state.latestValues[item.id] ?? []).enumerated() {
                let group = groupOfRater[number]
                guard value >= low, value <= high, group >= 0 else { continue }
                counts[group * width + value - low] += 1
                counts[companyRow + value - low] += 1
            }
            let range = high - low
            for index in groups.departments.indices {
                let row = Array(counts[index * width..<(index + 1) * width])
                departments[index][item.id] = ItemStats.of(
                    Distribution(minimum: low, counts: row), range: range, consensusIQR: threshold)
            }
            let distribution = Distribution(minimum: low, counts: Array(counts[companyRow...]))
            distributions[item.id] = distribution
            company[item.id] = ItemStats.of(distribution, range: range, consensusIQR: threshold)
        }
    }

    /// Krippendorff's alpha, ordinal, coders = raters, units = `alphaItems`.
    func alphaOrdinal(_ workshop: Workshop) -> Double? {
        let units = Analysis.ordinalAlphaItems(workshop).compactMap { distributions[$0]?.counts }
        return KrippendorffAlpha.reported(units: units, metric: .ordinal)
    }
}

/// The pick stages' statistics per department and for the company.
struct PickTally {
    private(set) var departments: [[String: PickStats]]
    private(set) var company: [String: PickStats] = [:]
    /// Per pick stage, in workshop order: the company's count per option of `values`.
    private var units: [[Int]] = []

    init(_ state: SessionState, groups: RaterGroups) {
        departments = Array(repeating: [:], count: groups.departments.count)
        let stages = state.workshop.stages.filter { $0.kind == .pick }
        var values: [String] = []
        for stage in stages {
            for option in stage.options where !values.contains(option.id) { values.append(option.id) }
        }
        for stage in stages {
            let options = stage.options.map(\.id)
            var position: [String: Int] = [:]
            for (index, option) in options.enumerated() { position[option] = index }
            var counts = [[Int]](repeating: [Int](repeating: 0, count: options.count), count: groups.departments.count)
            var total = [Int](repeating: 0, count: options.count)
            let round = state.round(of: stage.id)
            for (rater, answers) in state.picks[stage.id] ?? [:] {
                // The last pick counts if it was given in the current round.
                guard let last = answers.last, last.round == round, let index = position[last.option],
                    let group = groups.group(of: rater)
                else { continue }
                counts[group][index] += 1
                total[index] += 1
            }
            for (index, row) in counts.enumerated() {
                departments[index][stage.id] = PickStats.of(options: options, counts: row)
            }
            company[stage.id] = PickStats.of(options: options, counts: total)
            units.append(values.map { value in options.firstIndex(of: value).map { total[$0] } ?? 0 })
        }
    }

    /// Krippendorff's alpha, nominal, coders = raters, units = pick stages,
    /// values = option ids.
    func alphaNominal() -> Double? {
        KrippendorffAlpha.reported(units: units, metric: .nominal)
    }
}
