import AtelierCore
import AtelierTestFixtures
import Testing

@testable import AtelierExport

/// Text typed in the room must not run as a spreadsheet formula; numbers must stay numbers.
@Suite struct CSVInjectionTests {
    @Test func textStartingLikeAFormulaIsQuotedBehindASingleQuote() {
        #expect(CSVTable.field(.text("=1+1")) == "\"'=1+1\"")
        #expect(CSVTable.field(.text("+cmd")) == "\"'+cmd\"")
        #expect(CSVTable.field(.text("-2")) == "\"'-2\"")
        #expect(CSVTable.field(.text("@SUM(A1)")) == "\"'@SUM(A1)\"")
        #expect(CSVTable.field(.text("\tx")) == "\"'\tx\"")
        #expect(CSVTable.field(.text("\rx")) == "\"'\rx\"")
        #expect(CSVTable.field(.text("a=b")) == "a=b")
        #expect(CSVTable.field(.value("-0.25")) == "-0.25")
        #expect(CSVTable.number(-0.25) == .value("-0.25"))
    }

    /// Two departments answering as one voice, each the opposite of the
    /// other on two items: Krippendorff's ordinal alpha is 1 - 1 / (8/12) = -0.5
    /// (two values only: every disagreement weighs the same).
    func state() throws -> SessionState {
        let workshop = try Fixtures.workshop("coping-patterns")
        var state = SessionState(id: "s", workshop: workshop, locale: "en")
        var seq: Int64 = 1
        let started = Event.sessionStarted(workshop: workshop.id, version: workshop.version, locale: "en")
        state.apply(RecordedEvent(seq: 1, time: 1000, actor: .facilitator, event: started))
        func run(_ action: Action) throws {
            for event in try state.decide(Command(actor: .facilitator, action: action, time: 1000 + seq)) {
                seq += 1
                state.apply(RecordedEvent(seq: seq, time: 1000 + seq, actor: .facilitator, event: event))
            }
        }
        try run(.addDepartment(id: "sales", name: "=HYPERLINK(\"x\")"))
        try run(.addDepartment(id: "legal", name: "Legal"))
        try run(.goTo(stage: "ignore"))
        try run(.rate(who: "sales", item: nil, value: 0))
        try run(.rate(who: "legal", item: nil, value: 4))
        try run(.goTo(stage: "drift"))
        try run(.rate(who: "sales", item: nil, value: 4))
        try run(.rate(who: "legal", item: nil, value: 0))
        try run(.goTo(stage: "strategy"))
        try run(.declareStrategy(department: "sales", text: "+cmd"))
        return state
    }

    func csv(_ name: String) throws -> [String] {
        let output = Exporter.render(format: .csv, state: try state(), catalog: try Fixtures.catalog("en"))
        guard case .folder(let files) = output, let file = files.first(where: { $0.name == name }) else {
            Issue.record("no \(name)")
            return []
        }
        return String(decoding: file.bytes, as: UTF8.self).components(separatedBy: "\r\n")
    }

    @Test func departmentNamesAndStrategiesAreGuarded() throws {
        let sales = try #require(try csv("departments.csv").first { $0.hasPrefix("sales,") })
        #expect(sales.hasPrefix("sales,\"'=HYPERLINK(\"\"x\"\")\",0,1,0,0,0,0,0,"))
        #expect(sales.hasSuffix(",\"'+cmd\",,,"))
        let answers = try csv("answers.csv")
        #expect(answers[1] == "5,1970-01-01T00:00:01Z,,sales,ignore,ignore,0,true")
    }

    @Test func negativeNumbersStayNumbers() throws {
        let summary = try csv("summary.csv")
        #expect(summary.contains("krippendorff_alpha_ordinal,-0.5"))
    }
}
