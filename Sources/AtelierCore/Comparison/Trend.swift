/// A workshop's sessions as a history (`atelier sessions --workshop ID`,
/// `atelier compare --all --workshop ID`): for the company and each
/// department, its maturity and its median on each rating item, session by
/// session. Items are those of the latest session's workshop; a session
/// whose version lacks an item, or a department absent from a session, has
/// no value there.
public struct Trend: Sendable {
    /// The sessions, in the order given (by date for the commands).
    public let sessions: [String]
    /// The rating item ids, in the latest workshop's order.
    public let items: [String]
    /// The company first (id nil), then each department in order of first appearance.
    public let units: [TrendUnit]

    public static func of(_ sessions: [ComparedSession]) -> Trend {
        let items = (sessions.last?.workshop.ratingItems ?? []).map(\.item.id)
        var order: [(id: String, name: String)] = []
        for session in sessions {
            for department in session.analysis.departments where !order.contains(where: { $0.id == department.id }) {
                order.append((department.id, department.name))
            }
        }
        let company = TrendUnit(
            id: nil, name: "",
            points: sessions.map { session in
                TrendPoint(
                    maturity: session.analysis.company.maturity,
                    medians: items.map { session.analysis.company.ratings[$0]?.median })
            })
        let departments = order.map { department in
            var name = department.name
            let points = sessions.map { session -> TrendPoint? in
                guard let found = session.analysis.departments.first(where: { $0.id == department.id }) else {
                    return nil
                }
                name = found.name
                return TrendPoint(maturity: found.maturity, medians: items.map { found.ratings[$0]?.median })
            }
            return TrendUnit(id: department.id, name: name, points: points)
        }
        return Trend(sessions: sessions.map(\.id), items: items, units: [company] + departments)
    }
}

/// One unit's history: a point per session, nil where it was absent.
public struct TrendUnit: Sendable, Hashable {
    /// nil for the company.
    public let id: String?
    /// The latest name it had.
    public let name: String
    public let points: [TrendPoint?]
}

public struct TrendPoint: Sendable, Hashable {
    public let maturity: MaturityResult?
    /// Per item of `Trend.items`.
    public let medians: [Double?]
}
