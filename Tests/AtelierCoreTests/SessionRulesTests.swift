import AtelierCore
import AtelierTestFixtures
import Testing

@Suite struct SessionRulesTests {
    let workshop: Workshop
    init() throws { workshop = try Fixtures.workshop("coping-patterns") }

    func run(_ actions: [Action], actor: Actor = .facilitator) throws -> SessionState {
        var state = SessionState(id: "s", workshop: workshop)
        for action in actions { try state.execute(Command(actor: actor, action: action, time: 1000)) }
        return state
    }

    @Test func executeNumbersStampsAndAppliesOrChangesNothing() throws {
        var state = SessionState(id: "s", workshop: workshop)
        let added = try state.execute(
            Command(actor: .facilitator, action: .addDepartment(id: "hr", name: "HR"), time: 5))
        #expect(
            added == [
                RecordedEvent(seq: 1, time: 5, actor: .facilitator, event: .departmentAdded(id: "hr", name: "HR"))
            ])
        #expect(throws: DomainError.self) {
            try state.execute(Command(actor: .facilitator, action: .join(name: "ana", department: "it"), time: 6))
        }
        #expect(state.lastSeq == 1)
        #expect(state.departments.map(\.id) == ["hr"])
    }

    @Test func ratingOnTheSingleItemStageNeedsNoItem() throws {
        let state = try run([
            .addDepartment(id: "marketing", name: "Marketing"), .next, .rate(who: "marketing", item: nil, value: 3),
        ])
        #expect(state.currentStage == "ignore")
        #expect(state.latestRatings(item: "ignore") == [.department("marketing"): 3])
    }

    @Test func namesAreVisibleTextOnly() throws {
        let state = try run([.addDepartment(id: "hr", name: "HR")])
        func join(_ name: String) throws -> [Event] {
            try state.decide(Command(actor: .facilitator, action: .join(name: name, department: "hr"), time: 0))
        }
        // Zero-width space, joiner, byte order mark, bidi override and isolate,
        // only combining marks, and 46 marks on one letter.
        for name in [
            "lea\u{200B}", "\u{200B}", "a\u{200D}b", "\u{FEFF}bom", "\u{202E}evil", "a\u{2066}b", "\u{0301}",
            "\u{034F}", "x" + String(repeating: "\u{0301}", count: 46),
        ] {
            #expect(throws: DomainError.invalidName(name)) { try join(name) }
        }
        // A department id in any case is not a name.
        #expect(throws: DomainError.nameIsDepartment("HR")) { try join("HR") }
        #expect(try join("Zoe\u{0308}") == [.participantJoined(name: "Zoe\u{0308}", department: "hr")])
        #expect(try join("Ana-María") == [.participantJoined(name: "Ana-María", department: "hr")])
        let joined = try run([.addDepartment(id: "hr", name: "HR"), .join(name: "IT", department: "hr")])
        #expect(throws: DomainError.nameTaken("it")) {
            try joined.decide(Command(actor: .facilitator, action: .addDepartment(id: "it", name: "IT"), time: 0))
        }
        #expect(throws: DomainError.controlCharacters) {
            try state.decide(Command(actor: .facilitator, action: .note(text: "\u{202E}reversed"), time: 0))
        }
    }

    @Test func idsAreFoundWhateverTheirCaseAndRecordedAsDeclared() throws {
        let state = try run([
            .addDepartment(id: "marketing", name: "Marketing"), .join(name: "Ana", department: "Marketing"),
            .goTo(stage: "brakes"), .rate(who: "MARKETING", item: "Control", value: 3),
            .rate(who: "Ana", item: "STRATEGY", value: 1), .goTo(stage: "position"),
            .pick(who: "Marketing", option: "Drift"),
        ])
        #expect(state.participants["Ana"]?.department == "marketing")
        #expect(state.latestRatings(item: "control") == [.department("marketing"): 3])
        #expect(state.latestRatings(item: "strategy") == [.participant("Ana"): 1])
        #expect(state.latestPicks(stage: "position") == [.department("marketing"): "drift"])
        // Participant names keep their case: "ana" is nobody.
        #expect(throws: DomainError.unknownRater("ana", participants: ["Ana"], departments: ["marketing"])) {
            try state.decide(Command(actor: .facilitator, action: .pick(who: "ana", option: "drift"), time: 0))
        }
    }

    @Test func outOfScaleIsRefusedWithTheBounds() throws {
        let state = try run([.addDepartment(id: "marketing", name: "Marketing"), .next])
        #expect(throws: DomainError.valueOutOfScale(7, min: 0, max: 4, stage: "ignore")) {
            try state.decide(
                Command(actor: .facilitator, action: .rate(who: "marketing", item: nil, value: 7), time: 0))
        }
    }

    @Test func textsWithControlCharactersAreRefused() throws {
        let state = try run([.addDepartment(id: "marketing", name: "Marketing")])
        for text in ["caf\u{E9} \u{1B}[31mred", "two\nlines", "bell\u{7}", "csi \u{9B}2J", "del\u{7F}"] {
            #expect(throws: DomainError.controlCharacters) {
                try state.decide(Command(actor: .facilitator, action: .note(text: text), time: 0))
            }
        }
        #expect(throws: DomainError.controlCharacters) {
            try state.decide(
                Command(actor: .facilitator, action: .addDepartment(id: "legal", name: "Legal\u{1B}]0;x\u{7}"), time: 0)
            )
        }
        #expect(throws: DomainError.invalidName("ana\u{9B}")) {
            try state.decide(
                Command(actor: .facilitator, action: .join(name: "ana\u{9B}", department: "marketing"), time: 0))
        }
        #expect(
            try state.decide(Command(actor: .facilitator, action: .note(text: "caf\u{E9}\tcr\u{E8}me"), time: 0)) == [
                .noteAdded(stage: "intro", text: "caf\u{E9}\tcr\u{E8}me")
            ])
    }

    @Test func undoTakesBackTheLastFacilitatorAction() throws {
        let state = try run([.addDepartment(id: "marketing", name: "Marketing"), .next, .undo])
        #expect(state.currentStage == "intro")
        #expect(state.departments.map(\.id) == ["marketing"])
    }
}
