import AtelierCore

/// What differs between two session states, aspect by aspect, so a failing
/// property names what went wrong (an empty list: the states agree).
public enum StateComparison {
    public static func differences(_ a: SessionState, _ b: SessionState) -> [String] {
        var found: [String] = []
        func check<T: Equatable>(_ name: String, _ value: (SessionState) -> T) {
            if value(a) != value(b) { found.append(name) }
        }
        check("departments") { $0.departments }
        check("participants") { state in state.participantOrder.map { state.participants[$0] } }
        check("current stage") { $0.currentStage }
        check("locks") { $0.locked }
        check("reveals") { $0.revealed }
        check("timer") { $0.timer }
        check("latest ratings") { state in state.workshop.ratingItems.map { state.latestRatings(item: $0.item.id) } }
        check("latest picks") { state in state.workshop.stages.map { state.latestPicks(stage: $0.id) } }
        check("rating history") { $0.ratings }
        check("pick history") { $0.picks }
        check("strategies") { $0.strategies }
        check("knows") { $0.knows }
        check("shares") { $0.shares }
        check("notes") { $0.notes }
        check("undoable") { $0.undoable }
        check("ended") { $0.endedAt }
        check("rounds") { $0.rounds }
        check("counts") { [$0.lastSeq, Int64($0.eventCount), $0.startedAt ?? -1, $0.lastEventAt ?? -1] }
        check("locale") { $0.locale }
        check("workshop") { $0.workshop }
        return found
    }
}
