import AtelierCore

/// The demo company a year on (docs/examples/compare-later.jsonl), the third
/// session of the committed chain: the follow-up session played again, six
/// months later, with five people no longer looking away (karim, marc,
/// sophie, nadia and olivier rate "ignore" 0 instead of 1), and HR back at
/// the end: its department added and julie joining during the closing
/// stage, too late to answer.
///
/// Regenerate with `ATELIER_REGENERATE=1 swift test --filter CompareExampleTests`.
enum LaterScript {
    static let sessionID = "demo-2026-03-19"
    /// 2026-03-19T08:00:00Z.
    static let start: Timestamp = 1_773_907_200_000

    static var reflexes: [String: [String: Int]] {
        var reflexes = FollowUpScript.reflexes
        for name in ["karim", "marc", "sophie", "nadia", "olivier"] { reflexes["ignore"]?[name] = 0 }
        return reflexes
    }

    static func events(workshop: Workshop) throws -> [RecordedEvent] {
        try FollowUpScript.events(workshop: workshop, id: sessionID, start: start, reflexes: reflexes) { s in
            try s.f(.addDepartment(id: "rh", name: "Ressources humaines"))
            s.wait(30)
            try s.p("julie", .join(name: "julie", department: "rh"))
            s.wait(60)
        }
    }
}
