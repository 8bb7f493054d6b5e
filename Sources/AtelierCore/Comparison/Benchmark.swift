/// Where one session stands among the other stored sessions of its
/// workshop (`atelier benchmark SESSION`): its company among their
/// companies, each of its departments among all their departments, on the
/// maturity level (its rank) and on each rating item's median. The other
/// sessions are counted, never named.
public struct Benchmark: Sendable, Hashable {
    /// The session placed.
    public let session: String
    /// How many other sessions of the workshop it is placed among.
    public let others: Int
    /// The rating item ids, in the session's workshop order.
    public let items: [String]
    /// The company first (id nil), then each department of the session.
    public let units: [BenchmarkUnit]

    /// Places `session` among `others` (sessions of the same workshop; the
    /// session itself, if among them, is left out).
    public static func of(_ session: ComparedSession, among others: [ComparedSession]) -> Benchmark {
        let peers = others.filter { $0.id != session.id }
        let items = session.workshop.ratingItems.map(\.item.id)
        let companies = peers.map(\.analysis.company)
        let company = BenchmarkUnit(
            id: nil, name: "", level: session.analysis.company.maturity,
            maturity: Placement.of(
                session.analysis.company.maturity.map { Double($0.rank) },
                among: companies.map { $0.maturity.map { Double($0.rank) } }),
            medians: items.map { item in
                Placement.of(
                    session.analysis.company.ratings[item]?.median, among: companies.map { $0.ratings[item]?.median })
            })
        let departments = peers.flatMap(\.analysis.departments)
        let units = session.analysis.departments.map { department in
            BenchmarkUnit(
                id: department.id, name: department.name, level: department.maturity,
                maturity: Placement.of(
                    department.maturity.map { Double($0.rank) },
                    among: departments.map { $0.maturity.map { Double($0.rank) } }),
                medians: items.map { item in
                    Placement.of(department.ratings[item]?.median, among: departments.map { $0.ratings[item]?.median })
                })
        }
        return Benchmark(session: session.id, others: peers.count, items: items, units: [company] + units)
    }
}

/// The company's or a department's places.
public struct BenchmarkUnit: Sendable, Hashable {
    /// nil for the company.
    public let id: String?
    public let name: String
    /// Its maturity level, if placed.
    public let level: MaturityResult?
    /// On the maturity level's rank; nil when the unit has none or nobody to be placed among.
    public let maturity: Placement?
    /// Per item of `Benchmark.items`.
    public let medians: [Placement?]
}

/// A value placed among others': its percentile (the share of the others
/// below it, ties counting half, from 0 to 100) and how many values that
/// rests on.
public struct Placement: Sendable, Hashable {
    public let value: Double
    public let percentile: Double
    public let basis: Int

    public init(value: Double, percentile: Double, basis: Int) {
        self.value = value
        self.percentile = percentile
        self.basis = basis
    }

    /// nil when there is no value or none to compare it with.
    public static func of(_ value: Double?, among others: [Double?]) -> Placement? {
        guard let value else { return nil }
        let known = others.compactMap(\.self)
        guard !known.isEmpty else { return nil }
        let below = known.filter { $0 < value }.count
        let ties = known.filter { $0 == value }.count
        let percentile = (Double(below) + Double(ties) / 2) / Double(known.count) * 100
        return Placement(value: value, percentile: percentile, basis: known.count)
    }
}
