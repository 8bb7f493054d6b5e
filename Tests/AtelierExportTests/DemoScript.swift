import AtelierCore

/// The bundled demo session (recordings/coping-patterns-demo.jsonl), scripted
/// through the session's own rules: every step goes through
/// `SessionState.decide`, so the recording holds only what a live session
/// could have recorded. A mid-sized company, five departments, twelve
/// people: marketing has a strategy nobody else knows; customer service
/// believes it shares its strategy with three departments, of which only
/// the leadership knows it; legal and HR know each other's; the leadership
/// has none.
///
/// The same session is played in English (recordings/coping-patterns-demo-en.jsonl):
/// the same people and answers, the departments, strategies and notes in
/// English, so that `atelier demo` in English shows no French words.
///
/// Regenerate the files with `ATELIER_REGENERATE=1 swift test --filter DemoRecordingTests`.
enum DemoScript {
    static let sessionID = "demo-2025-03-13"
    /// 2025-03-13T09:00:00Z (10:00 in Paris).
    static let start: Timestamp = 1_741_856_400_000

    /// The words of one language's demo: the session's locale, the
    /// departments (by the French script's ids) and what people wrote.
    struct Words {
        let locale: String
        let departments: [(id: String, name: String, people: [String])]
        /// The French script's department ids, to this language's.
        let ids: [String: String]
        let texts: [String: String]

        func id(_ french: String) -> String { ids[french] ?? french }
        func text(_ key: String) -> String { texts[key] ?? key }
    }

    static let french = Words(
        locale: "fr",
        departments: [
            ("marketing", "Marketing", ["claire", "hugo", "ines"]),
            ("service-client", "Service client", ["karim", "lea", "marc"]),
            ("direction", "Direction générale", ["sophie", "paul"]),
            ("juridique", "Juridique", ["nadia", "olivier"]),
            ("rh", "Ressources humaines", ["julie", "thomas"]),
        ],
        ids: [:],
        texts: [
            "room": "Atelier animé pour le comité médias sociaux ; douze participants sur place.",
            "legal-reads": "Le juridique lit les avis clients seulement quand un litige arrive.",
            "agency": "La direction confie ses pages à une agence depuis 2019, sans objectifs écrits.",
            "marketing": "Faire grandir la communauté de la marque sur Instagram et LinkedIn : deux publications par "
                + "semaine, un bilan d'audience chaque mois.",
            "service": "Répondre en moins de quatre heures à toute réclamation publique sur Facebook et X.",
            "legal": "Une charte médias sociaux pour tous les salariés, revue chaque année.",
            "hr": "Marque employeur sur LinkedIn : les salariés racontent leur métier.",
            "april": "Le marketing présentera sa stratégie au comité de direction en avril.",
            "hour": "Le service client organise une heure d'échange avec le marketing et les RH.",
            "charter": "Charte médias sociaux : le juridique et les RH la diffusent à tous d'ici l'été.",
        ])

    static let english = Words(
        locale: "en",
        departments: [
            ("marketing", "Marketing", ["claire", "hugo", "ines"]),
            ("customer-service", "Customer service", ["karim", "lea", "marc"]),
            ("leadership", "Leadership", ["sophie", "paul"]),
            ("legal", "Legal", ["nadia", "olivier"]),
            ("hr", "Human resources", ["julie", "thomas"]),
        ],
        ids: ["service-client": "customer-service", "direction": "leadership", "juridique": "legal", "rh": "hr"],
        texts: [
            "room": "Workshop led for the social media committee; twelve people in the room.",
            "legal-reads": "Legal reads customer reviews only when a dispute comes up.",
            "agency": "The leadership has had an agency run its pages since 2019, with no written goals.",
            "marketing": "Grow the brand's community on Instagram and LinkedIn: two posts a week, an audience "
                + "review every month.",
            "service": "Answer any public complaint on Facebook and X within four hours.",
            "legal": "A social media policy for every employee, reviewed each year.",
            "hr": "Employer brand on LinkedIn: employees tell what their job is like.",
            "april": "Marketing will present its strategy to the executive committee in April.",
            "hour": "Customer service sets up an hour of exchange with marketing and HR.",
            "charter": "Social media policy: legal and HR send it to everyone by the summer.",
        ])

    static let departments = french.departments

    /// Everyone, interleaved across departments, in the order answers come in.
    static var arrivalOrder: [String] {
        ["karim", "claire", "sophie", "nadia", "julie", "hugo", "lea", "paul", "olivier", "thomas", "ines", "marc"]
    }

    /// Ratings of the single-item coping stages, per person.
    static let reflexes: [String: [String: Int]] = [
        "ignore": [
            "claire": 0, "hugo": 1, "ines": 0, "karim": 2, "lea": 1, "marc": 1, "sophie": 2, "paul": 3, "nadia": 3,
            "olivier": 2, "julie": 2, "thomas": 1,
        ],
        "status_quo": [
            "claire": 0, "hugo": 1, "ines": 1, "karim": 2, "lea": 1, "marc": 2, "sophie": 3, "paul": 3, "nadia": 3,
            "olivier": 4, "julie": 2, "thomas": 3,
        ],
        "delegate": [
            "claire": 1, "hugo": 2, "ines": 1, "karim": 1, "lea": 0, "marc": 1, "sophie": 3, "paul": 4, "nadia": 1,
            "olivier": 2, "julie": 3, "thomas": 2,
        ],
        "drift": [
            "claire": 3, "hugo": 2, "ines": 4, "karim": 1, "lea": 2, "marc": 1, "sophie": 1, "paul": 1, "nadia": 0,
            "olivier": 1, "julie": 2, "thomas": 1,
        ],
    ]

    /// Answers changed after a first thought: (stage, person, new value).
    static let changes: [(stage: String, person: String, value: Int)] = [
        ("ignore", "karim", 1), ("status_quo", "julie", 3), ("drift", "hugo", 3),
    ]

    static let positions: [String: String] = [
        "claire": "drift", "hugo": "drift", "ines": "delegate", "karim": "status_quo", "lea": "status_quo",
        "marc": "delegate", "sophie": "delegate", "paul": "delegate", "nadia": "ignore", "olivier": "status_quo",
        "julie": "status_quo", "thomas": "drift",
    ]

    /// The three brakes (control, understanding, strategy), per person.
    static let brakes: [String: (Int, Int, Int)] = [
        "claire": (1, 0, 1), "hugo": (2, 1, 1), "ines": (1, 1, 2), "karim": (2, 2, 2), "lea": (3, 2, 2),
        "marc": (2, 1, 3), "sophie": (3, 3, 3), "paul": (3, 2, 4), "nadia": (4, 3, 2), "olivier": (4, 3, 3),
        "julie": (2, 3, 3), "thomas": (2, 2, 4),
    ]

    static func events(workshop: Workshop, words: Words = french) throws -> [RecordedEvent] {
        let w = words
        let departments = w.departments
        var s = Scripter(workshop: workshop, id: sessionID, clock: start)
        s.record(.sessionStarted(workshop: workshop.id, version: workshop.version, locale: w.locale))
        s.wait(8)
        for department in departments {
            try s.f(.addDepartment(id: department.id, name: department.name))
            s.wait(9)
        }
        try s.f(.note(text: w.text("room")))
        for (index, name) in arrivalOrder.enumerated() {
            s.wait(11 + index % 4 * 7)
            let department = departments.first { $0.people.contains(name) }!.id
            try s.p(name, .join(name: name, department: department))
        }
        s.wait(150)

        for stage in ["ignore", "status_quo", "delegate", "drift"] {
            try s.f(.next)
            s.wait(35)
            try s.f(.timer(minutes: 3))
            for name in arrivalOrder {
                s.wait(6 + s.jitter(9))
                try s.p(name, .rate(who: name, item: nil, value: reflexes[stage]![name]!))
            }
            for change in changes where change.stage == stage {
                s.wait(14)
                try s.p(change.person, .rate(who: change.person, item: nil, value: change.value))
            }
            s.wait(25)
            try s.f(.lock)
            s.wait(6)
            try s.f(.reveal)
            s.wait(200 + s.jitter(120))
            if stage == "ignore" {
                try s.p("nadia", .note(text: w.text("legal-reads")))
                s.wait(60)
            }
            if stage == "delegate" {
                try s.f(.note(text: w.text("agency")))
                s.wait(45)
            }
        }

        try s.f(.next)
        s.wait(30)
        for name in arrivalOrder {
            s.wait(5 + s.jitter(8))
            try s.p(name, .pick(who: name, option: positions[name]!))
        }
        s.wait(12)
        try s.p("thomas", .pick(who: "thomas", option: "status_quo"))
        s.wait(20)
        try s.f(.lock)
        s.wait(5)
        try s.f(.reveal)
        s.wait(240)

        // A slip: the facilitator jumps to the closing stage and takes it back.
        try s.f(.goTo(stage: "closing"))
        s.wait(7)
        try s.f(.undo)
        s.wait(6)
        try s.f(.next)
        s.wait(40)
        try s.f(.timer(minutes: 5))
        for name in arrivalOrder {
            let (control, understanding, strategy) = brakes[name]!
            for (item, value) in [("control", control), ("understanding", understanding), ("strategy", strategy)] {
                s.wait(4 + s.jitter(7))
                try s.p(name, .rate(who: name, item: item, value: value))
            }
        }
        s.wait(18)
        try s.p("paul", .rate(who: "paul", item: "strategy", value: 3))
        s.wait(30)
        try s.f(.lock)
        s.wait(5)
        try s.f(.reveal)
        s.wait(300)

        try s.f(.next)
        s.wait(60)
        try s.p("claire", .declareStrategy(department: w.id("marketing"), text: w.text("marketing")))
        s.wait(50)
        try s.p("karim", .declareStrategy(department: w.id("service-client"), text: w.text("service")))
        s.wait(20)
        for other in ["marketing", "direction", "rh"] {
            s.wait(8)
            try s.p("lea", .shares(department: w.id("service-client"), other: w.id(other)))
        }
        s.wait(45)
        try s.p("nadia", .declareStrategy(department: w.id("juridique"), text: w.text("legal")))
        s.wait(40)
        try s.p("julie", .declareStrategy(department: w.id("rh"), text: w.text("hr")))
        s.wait(30)
        try s.p("julie", .knows(department: w.id("rh"), other: w.id("juridique")))
        s.wait(12)
        try s.p("olivier", .knows(department: w.id("juridique"), other: w.id("rh")))
        s.wait(15)
        try s.p("olivier", .shares(department: w.id("juridique"), other: w.id("rh")))
        s.wait(25)
        try s.p("sophie", .knows(department: w.id("direction"), other: w.id("service-client")))
        s.wait(35)
        try s.p("thomas", .shares(department: w.id("rh"), other: w.id("juridique")))
        s.wait(240)

        try s.f(.next)
        s.wait(90)
        try s.f(.note(text: w.text("april")))
        s.wait(70)
        try s.p("lea", .note(text: w.text("hour")))
        s.wait(80)
        try s.f(.note(text: w.text("charter")))
        s.wait(60)
        try s.p("marc", .leave(name: "marc"))
        s.wait(30)
        try s.f(.end)
        return s.events
    }
}

/// Drives a session through `decide` and `apply`, with a clock the script moves.
struct Scripter {
    var state: SessionState
    var events: [RecordedEvent] = []
    var clock: Timestamp

    init(workshop: Workshop, id: String, clock: Timestamp) {
        self.state = SessionState(id: id, workshop: workshop)
        self.clock = clock
    }

    mutating func wait(_ seconds: Int) { clock += Timestamp(seconds) * 1000 }

    /// A fixed spread of 0..<range seconds, varying with the journal's length.
    func jitter(_ range: Int) -> Int { (events.count * 37 + 11) % range }

    mutating func f(_ action: Action) throws { try submit(.facilitator, action) }
    mutating func p(_ name: String, _ action: Action) throws { try submit(.participant(name), action) }

    mutating func submit(_ actor: Actor, _ action: Action) throws {
        for event in try state.decide(Command(actor: actor, action: action, time: clock)) {
            record(event, actor: actor)
        }
    }

    mutating func record(_ event: Event, actor: Actor = .facilitator) {
        let recorded = RecordedEvent(seq: Int64(events.count + 1), time: clock, actor: actor, event: event)
        state.apply(recorded)
        events.append(recorded)
    }
}
