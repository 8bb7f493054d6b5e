import AtelierCore

/// The demo company six months later (docs/examples/compare-after.jsonl),
/// scripted through the session's rules like `DemoScript`: HR did not come,
/// IT joined; marketing presented its strategy to the others, the
/// leadership wrote one, customer service's strategy is now known where it
/// believed it was shared; IT has none yet.
///
/// Regenerate with `ATELIER_REGENERATE=1 swift test --filter CompareExampleTests`.
enum FollowUpScript {
    static let sessionID = "demo-2025-09-18"
    /// 2025-09-18T08:00:00Z (10:00 in Paris).
    static let start: Timestamp = 1_758_182_400_000

    static let departments: [(id: String, name: String, people: [String])] = [
        ("marketing", "Marketing", ["claire", "hugo", "ines"]),
        ("service-client", "Service client", ["karim", "lea", "marc"]),
        ("direction", "Direction générale", ["sophie", "paul"]),
        ("juridique", "Juridique", ["nadia", "olivier"]),
        ("informatique", "Informatique", ["yann", "zoe"]),
    ]

    static var arrivalOrder: [String] {
        ["karim", "claire", "sophie", "nadia", "yann", "hugo", "lea", "paul", "olivier", "zoe", "ines", "marc"]
    }

    static let reflexes: [String: [String: Int]] = [
        "ignore": [
            "claire": 0, "hugo": 0, "ines": 0, "karim": 1, "lea": 0, "marc": 1, "sophie": 1, "paul": 1, "nadia": 1,
            "olivier": 1, "yann": 0, "zoe": 1,
        ],
        "status_quo": [
            "claire": 0, "hugo": 1, "ines": 0, "karim": 1, "lea": 1, "marc": 1, "sophie": 2, "paul": 2, "nadia": 2,
            "olivier": 3, "yann": 1, "zoe": 1,
        ],
        "delegate": [
            "claire": 1, "hugo": 1, "ines": 1, "karim": 1, "lea": 0, "marc": 1, "sophie": 1, "paul": 2, "nadia": 1,
            "olivier": 1, "yann": 2, "zoe": 1,
        ],
        "drift": [
            "claire": 1, "hugo": 2, "ines": 1, "karim": 1, "lea": 1, "marc": 0, "sophie": 1, "paul": 1, "nadia": 0,
            "olivier": 1, "yann": 2, "zoe": 3,
        ],
    ]

    static let positions: [String: String] = [
        "claire": "delegate", "hugo": "status_quo", "ines": "delegate", "karim": "status_quo", "lea": "status_quo",
        "marc": "status_quo", "sophie": "status_quo", "paul": "delegate", "nadia": "status_quo",
        "olivier": "status_quo", "yann": "drift", "zoe": "drift",
    ]

    static let brakes: [String: (Int, Int, Int)] = [
        "claire": (1, 0, 0), "hugo": (1, 1, 1), "ines": (1, 0, 1), "karim": (2, 1, 1), "lea": (2, 1, 1),
        "marc": (1, 1, 2), "sophie": (2, 2, 1), "paul": (2, 1, 2), "nadia": (3, 2, 1), "olivier": (3, 2, 2),
        "yann": (1, 2, 3), "zoe": (2, 3, 3),
    ]

    static let strategies: [(person: String, department: String, text: String)] = [
        (
            "claire", "marketing",
            "Faire grandir la communauté de la marque sur Instagram et LinkedIn, avec un bilan d'audience partagé "
                + "chaque mois."
        ),
        ("karim", "service-client", "Répondre en moins de quatre heures à toute réclamation publique."),
        ("sophie", "direction", "Une feuille de route médias sociaux commune, revue chaque trimestre en comité."),
        ("nadia", "juridique", "Une charte médias sociaux pour tous les salariés, revue chaque année."),
    ]

    /// (person, their department, the department whose strategy they know).
    static let knows: [(String, String, String)] = [
        ("sophie", "direction", "marketing"), ("karim", "service-client", "marketing"),
        ("nadia", "juridique", "marketing"), ("claire", "marketing", "service-client"),
        ("paul", "direction", "service-client"), ("hugo", "marketing", "direction"),
        ("lea", "service-client", "direction"), ("olivier", "juridique", "direction"),
        ("sophie", "direction", "juridique"),
    ]

    /// The session; `LaterScript` runs it again with other answers on the
    /// reflexes and what happens before its end.
    static func events(
        workshop: Workshop, id: String = sessionID, start: Timestamp = start,
        reflexes: [String: [String: Int]] = reflexes, beforeTheEnd: (inout Scripter) throws -> Void = { _ in }
    ) throws -> [RecordedEvent] {
        var s = Scripter(workshop: workshop, id: id, clock: start)
        s.record(.sessionStarted(workshop: workshop.id, version: workshop.version, locale: "fr"))
        s.wait(10)
        for department in departments {
            try s.f(.addDepartment(id: department.id, name: department.name))
            s.wait(8)
        }
        for (index, name) in arrivalOrder.enumerated() {
            s.wait(9 + index % 3 * 5)
            let department = departments.first { $0.people.contains(name) }!.id
            try s.p(name, .join(name: name, department: department))
        }
        s.wait(120)
        for stage in ["ignore", "status_quo", "delegate", "drift"] {
            try s.f(.next)
            s.wait(30)
            for name in arrivalOrder {
                s.wait(5 + s.jitter(8))
                try s.p(name, .rate(who: name, item: nil, value: reflexes[stage]![name]!))
            }
            s.wait(20)
            try s.f(.lock)
            s.wait(5)
            try s.f(.reveal)
            s.wait(180 + s.jitter(90))
        }
        try s.f(.next)
        s.wait(30)
        for name in arrivalOrder {
            s.wait(5 + s.jitter(7))
            try s.p(name, .pick(who: name, option: positions[name]!))
        }
        s.wait(20)
        try s.f(.lock)
        s.wait(5)
        try s.f(.reveal)
        s.wait(200)
        try s.f(.next)
        s.wait(40)
        for name in arrivalOrder {
            let (control, understanding, strategy) = brakes[name]!
            for (item, value) in [("control", control), ("understanding", understanding), ("strategy", strategy)] {
                s.wait(4 + s.jitter(6))
                try s.p(name, .rate(who: name, item: item, value: value))
            }
        }
        s.wait(25)
        try s.f(.lock)
        s.wait(5)
        try s.f(.reveal)
        s.wait(260)
        try s.f(.next)
        s.wait(50)
        for strategy in strategies {
            s.wait(40)
            try s.p(strategy.person, .declareStrategy(department: strategy.department, text: strategy.text))
        }
        for (person, department, other) in knows {
            s.wait(12)
            try s.p(person, .knows(department: department, other: other))
        }
        for other in ["marketing", "direction"] {
            s.wait(9)
            try s.p("lea", .shares(department: "service-client", other: other))
        }
        s.wait(200)
        try s.f(.next)
        s.wait(80)
        try s.f(.note(text: "La direction présente sa feuille de route à l'informatique en octobre."))
        s.wait(60)
        try beforeTheEnd(&s)
        try s.f(.end)
        return s.events
    }
}
