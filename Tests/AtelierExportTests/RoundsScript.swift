import AtelierCore
import AtelierStore

/// A two-round coping-patterns session (docs/examples/rounds.jsonl), scripted
/// through the session's rules: the workshop declares its consensus criteria,
/// three departments rate "ignore" and "drift" and pick the dominant reflex;
/// after each reveal the facilitator opens a second round. On "ignore" the
/// room converges; on "drift" marketing splits further; the pick moves.
///
/// Regenerate with `ATELIER_REGENERATE=1 swift test --filter RoundsExampleTests`.
enum RoundsScript {
    static let sessionID = "rounds-2025-10-02"
    /// 2025-10-02T08:00:00Z.
    static let start: Timestamp = 1_759_392_000_000

    static let criteria = ConsensusCriteria(
        iqrMax: 1, agreementBand: AgreementBand(low: 0, high: 1), agreementMin: 0.7, tastleWiermanMin: 0.6,
        stabilityMin: 0.5)

    /// coping-patterns with the criteria above declared.
    static func workshop(_ base: Workshop) -> Workshop {
        Workshop(
            id: base.id, version: base.version, languages: base.languages, title: base.title, intro: base.intro,
            scales: base.scales, stages: base.stages, analysis: base.analysis, maturity: base.maturity,
            recommendations: base.recommendations, consensus: criteria)
    }

    static let departments: [(id: String, name: String, people: [String])] = [
        ("marketing", "Marketing", ["claire", "hugo", "ines"]),
        ("service-client", "Service client", ["karim", "lea", "marc"]),
        ("direction", "Direction générale", ["sophie", "paul", "nadia"]),
    ]

    /// Per item: each person's answer in round 1, then in round 2 (nil: no answer in round 2).
    static let ratings: [(item: String, answers: [String: (Int, Int?)])] = [
        (
            "ignore",
            [
                "claire": (0, 0), "hugo": (2, 1), "ines": (1, 1), "karim": (3, 1), "lea": (1, 1), "marc": (0, 0),
                "sophie": (4, 2), "paul": (2, 1), "nadia": (1, 1),
            ]
        ),
        (
            "drift",
            [
                "claire": (2, 0), "hugo": (2, 4), "ines": (3, 2), "karim": (1, 1), "lea": (2, 1), "marc": (1, 1),
                "sophie": (1, 1), "paul": (2, 2), "nadia": (1, nil),
            ]
        ),
    ]

    static let picks: [String: (String, String)] = [
        "claire": ("delegate", "drift"), "hugo": ("drift", "drift"), "ines": ("delegate", "drift"),
        "karim": ("status_quo", "status_quo"), "lea": ("ignore", "status_quo"), "marc": ("status_quo", "status_quo"),
        "sophie": ("delegate", "delegate"), "paul": ("status_quo", "delegate"), "nadia": ("delegate", "delegate"),
    ]

    static func events(workshop base: Workshop) throws -> [RecordedEvent] {
        let workshop = Self.workshop(base)
        var state = SessionState(id: sessionID, workshop: workshop, locale: "fr")
        var time = start
        var events: [RecordedEvent] = [
            RecordedEvent(seq: 1, time: time, actor: .facilitator, event: .opening(workshop, locale: "fr"))
        ]
        state.apply(events[0])
        func run(_ action: Action, as actor: Actor = .facilitator) throws {
            time += 15_000
            events += try state.execute(Command(actor: actor, action: action, time: time))
        }
        for department in departments { try run(.addDepartment(id: department.id, name: department.name)) }
        for department in departments {
            for person in department.people {
                try run(.join(name: person, department: department.id), as: .participant(person))
            }
        }
        let people = departments.flatMap(\.people)
        for (item, answers) in ratings {
            try run(.goTo(stage: item))
            for person in people {
                try run(.rate(who: person, item: item, value: answers[person]!.0), as: .participant(person))
            }
            try run(.reveal)
            try run(.round)
            for person in people {
                guard let value = answers[person]!.1 else { continue }
                try run(.rate(who: person, item: item, value: value), as: .participant(person))
            }
            try run(.lock)
            try run(.reveal)
        }
        try run(.goTo(stage: "position"))
        for person in people { try run(.pick(who: person, option: picks[person]!.0), as: .participant(person)) }
        try run(.reveal)
        try run(.round)
        for person in people { try run(.pick(who: person, option: picks[person]!.1), as: .participant(person)) }
        try run(.reveal)
        try run(.end)
        return events
    }
}
