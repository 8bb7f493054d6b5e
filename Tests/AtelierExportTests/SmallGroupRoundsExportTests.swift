import AtelierCore
import AtelierExport
import AtelierTestFixtures
import Testing

/// A small group in an earlier round only (`--min-group 3`): legal rates
/// "ignore" with 2 answers in round 1 and 3 in round 2. Round 2's figures are
/// shown; legal is left out of the rounds (a round of 2), and the two round-1
/// answers behind that withheld figure are left out of the answer lists too,
/// so no export tells how legal's few raters moved.
@Suite struct SmallGroupRoundsExportTests {
    static func state() throws -> SessionState {
        let workshop = try Fixtures.workshop("coping-patterns")
        var state = SessionState(id: "small-rounds", workshop: workshop, locale: "en")
        var time: Timestamp = 1000
        let opening = Event.sessionStarted(
            workshop: workshop.id, version: workshop.version, locale: "en", anonymous: true, minGroup: 3)
        state.apply(RecordedEvent(seq: 1, time: time, actor: .facilitator, event: opening))
        func run(_ action: Action) throws {
            time += 1000
            _ = try state.execute(Command(actor: .facilitator, action: action, time: time))
        }
        for department in ["marketing", "legal"] {
            try run(.addDepartment(id: department, name: department.capitalized))
            for _ in 1...3 { try run(.join(name: "someone", department: department)) }
        }
        try run(.goTo(stage: "ignore"))
        let round1 = ["marketing#1": 1, "marketing#2": 2, "marketing#3": 3, "legal#1": 0, "legal#2": 4]
        for (who, value) in round1.sorted(by: { $0.key < $1.key }) {
            try run(.rate(who: who, item: nil, value: value))
        }
        try run(.reveal)
        try run(.round)
        let round2 = ["marketing#1": 2, "marketing#2": 2, "marketing#3": 3, "legal#1": 1, "legal#2": 3, "legal#3": 2]
        for (who, value) in round2.sorted(by: { $0.key < $1.key }) {
            try run(.rate(who: who, item: nil, value: value))
        }
        return state
    }

    static func csv(_ name: String) throws -> [String] {
        let output = Exporter.render(format: .csv, state: try state(), catalog: try Fixtures.catalog("en"))
        guard case .folder(let files) = output, let file = files.first(where: { $0.name == name }) else {
            Issue.record("no \(name)")
            return []
        }
        return String(decoding: file.bytes, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test func anEarlierRoundsSmallGroupLeavesNoAnswerBehind() throws {
        let rows = try Self.csv("answers.csv").dropFirst().map { $0.split(separator: ",").map(String.init) }
        // participant, value, round of each answer still listed.
        let listed = rows.map { [$0[2], $0[6], $0[8]] }
        #expect(
            listed == [
                ["marketing#1", "1", "1"], ["marketing#2", "2", "1"], ["marketing#3", "3", "1"],
                ["legal#1", "1", "2"], ["legal#2", "3", "2"], ["legal#3", "2", "2"],
                ["marketing#1", "2", "2"], ["marketing#2", "2", "2"], ["marketing#3", "3", "2"],
            ])
        // Legal's round 2 (3 answers) is shown; its rounds are not.
        let legal = try #require(try Self.csv("departments.csv").first { $0.hasPrefix("legal,") })
        #expect(legal.hasPrefix("legal,Legal,3,3,2,2,1.5,2.5,1,"))
        #expect(try Self.csv("rounds.csv").filter { $0.contains(",legal,") } == [])
        #expect(try Self.csv("rounds.csv").filter { $0.contains(",marketing,") }.count == 2)
    }

    /// `smallRounds`: every department's round on an item built from some
    /// but fewer than K answers (legal 2 → 3, marketing 3 → 3).
    @Test func theSmallRoundsAreEveryDepartmentRoundFromSomeButFewerThanKAnswers() throws {
        let rounds = RoundsAnalysis.of(try Self.state())
        #expect(rounds.smallRounds(3) == [SmallRound(department: "legal", id: "ignore", round: 1)])
        #expect(
            rounds.smallRounds(4) == [
                SmallRound(department: "legal", id: "ignore", round: 1),
                SmallRound(department: "legal", id: "ignore", round: 2),
                SmallRound(department: "marketing", id: "ignore", round: 1),
                SmallRound(department: "marketing", id: "ignore", round: 2),
            ])
        #expect(rounds.smallRounds(nil) == [])
    }
}
