import AtelierCore
import AtelierExport
import AtelierStore
import AtelierTestFixtures
import Foundation
import Testing

/// Two versions of a workshop compare on the stage and item ids they share,
/// and every format says what could not be compared. Version 2 of
/// coping-patterns (made here from the shipped file) drops the "delegate"
/// stage, moves "drift" to a 1–5 scale, adds the item "measure" to the
/// brakes, and offers "measure" instead of "delegate" in the pick.
@Suite struct CompareVersionsTests {
    static func versionTwo() throws -> Workshop {
        var text = try Fixtures.text("workshops/coping-patterns.yaml")
        func replace(_ old: String, _ new: String) throws {
            guard let range = text.range(of: old) else { throw Fixtures.FixtureError.invalid(["no \(old)"]) }
            text.replaceSubrange(range, with: new)
        }
        try replace("version: 1\n", "version: 2\n")
        let delegate = try #require(text.range(of: "  - id: delegate\n    kind: rating"))
        let drift = try #require(text.range(of: "  - id: drift\n    kind: rating"))
        text.removeSubrange(delegate.lowerBound..<drift.lowerBound)
        try replace(
            "  - id: drift\n    kind: rating\n    scale: describes\n",
            "  - id: drift\n    kind: rating\n    scale: five\n")
        try replace(
            "stages:\n",
            """
              - id: five
                min: 1
                max: 5
                labels:
                  1: { fr: "Pas du tout", en: "Not at all" }
                  2: { fr: "Un peu", en: "A little" }
                  3: { fr: "En partie", en: "Partly" }
                  4: { fr: "Beaucoup", en: "Much" }
                  5: { fr: "Tout à fait", en: "Entirely" }
            stages:

            """)
        try replace("options: [ignore, status_quo, delegate, drift]", "options: [ignore, status_quo, drift, measure]")
        try replace(
            "  - id: strategy\n    kind: strategy\n",
            """
                  - id: measure
                    label: { fr: "Ne rien mesurer", en: "Measuring nothing" }
              - id: strategy
                kind: strategy

            """)
        let result = WorkshopParser.parse(text)
        guard let workshop = result.workshop else {
            throw Fixtures.FixtureError.invalid(result.problems.map { "\($0.position) \($0.message.key)" })
        }
        return workshop
    }

    /// A session of version 2: marketing and customer service, four people
    /// each, answering every rating item and the pick.
    static func sessionOnVersionTwo() throws -> ComparedSession {
        let workshop = try versionTwo()
        var s = Scripter(workshop: workshop, id: "v2", clock: 1_773_907_200_000)
        s.record(.sessionStarted(workshop: workshop.id, version: workshop.version, locale: "en"))
        func run(_ action: Action) throws {
            s.wait(1)
            try s.f(action)
        }
        let people = [
            ("marketing", ["claire", "hugo", "ines", "jean"]), ("service-client", ["karim", "lea", "marc", "nora"]),
        ]
        for (department, names) in people {
            try run(.addDepartment(id: department, name: department == "marketing" ? "Marketing" : "Service client"))
            for name in names { try run(.join(name: name, department: department)) }
        }
        let everyone = people.flatMap(\.1)
        for (stage, item) in workshop.ratingItems {
            if s.state.currentStage != stage.id { try run(.goTo(stage: stage.id)) }
            let low = workshop.scale(of: stage)?.min ?? 0
            for (index, name) in everyone.enumerated() {
                try run(.rate(who: name, item: item.id, value: low + index % 2))
            }
        }
        try run(.goTo(stage: "position"))
        for (index, name) in everyone.enumerated() {
            try run(.pick(who: name, option: ["ignore", "status_quo", "drift", "measure"][index % 4]))
        }
        return ComparedSession(state: s.state, analysis: Analysis.of(s.state, language: "en"))
    }

    static func sessions() throws -> [ComparedSession] {
        [try CompareExampleTests.session(CompareExampleTests.beforePath, language: "en"), try sessionOnVersionTwo()]
    }

    @Test func theSharedIdsAreCompared() throws {
        let step = Comparer.steps(try Self.sessions())[0]
        #expect(!step.sameVersion)
        #expect(step.items.map(\.item.id) == ["ignore", "status_quo", "control", "understanding", "strategy"])
        #expect(step.company.ratings.map(\.item) == ["ignore", "status_quo", "control", "understanding", "strategy"])
        #expect(step.pickStages.map(\.id) == ["position"])
        let position = try #require(step.company.picks.first)
        #expect(position.options == ["ignore", "status_quo", "drift"])
        // Before: the demo's 12 picks; after: two of each of the four options.
        #expect(position.options.map { position.before.count($0) } == [1, 5, 2])
        #expect(position.options.map { position.after.count($0) } == [2, 2, 2])
        #expect(step.departments.map(\.id) == ["marketing", "service-client"])
        #expect(step.onlyBefore.map(\.id) == ["direction", "juridique", "rh"])
        #expect(step.onlyAfter.isEmpty)
    }

    @Test func whatCouldNotBeComparedIsListed() throws {
        let step = Comparer.steps(try Self.sessions())[0]
        #expect(
            step.notCompared == [
                .stage(id: "delegate", inBefore: true), .scaleChanged(item: "drift"),
                .item(id: "measure", inBefore: false), .option(stage: "position", id: "delegate", inBefore: true),
                .option(stage: "position", id: "measure", inBefore: false),
            ])
    }

    /// Version 3 of coping-patterns (made here from the shipped file) renames
    /// its top level `integrated` to `shared`, nothing else. The after session
    /// of the example pair, folded on version 1 and on version 3: the same
    /// answers, so every unit sits at the same rank. Marketing, customer
    /// service and the leadership sit at the top level (rank 3) in both: by
    /// rank, no move; the level ids differ, which "Not compared" says.
    @Test func maturityLevelsThatDifferAreSaid() throws {
        var text = try Fixtures.text("workshops/coping-patterns.yaml")
        let version = try #require(text.range(of: "version: 1\n"))
        text.replaceSubrange(version, with: "version: 3\n")
        let level = try #require(text.range(of: "    - id: integrated\n"))
        text.replaceSubrange(level, with: "    - id: shared\n")
        let parsed = WorkshopParser.parse(text)
        let three = try #require(parsed.workshop)
        let after = try CompareExampleTests.session(CompareExampleTests.afterPath, language: "en")
        let (_, events) = try Recording.read(
            try Fixtures.text(CompareExampleTests.afterPath), file: CompareExampleTests.afterPath)
        let state = SessionState.fold(id: "v3", workshop: three, events: events)
        let refolded = ComparedSession(state: state, analysis: Analysis.of(state, language: "en"))
        let step = Comparison.of(before: after, after: refolded)
        #expect(step.notCompared == [.maturityLevels])
        #expect(
            step.departments.map { $0.maturityAfter?.level } == [
                "shared", "shared", "shared", "experimenting", "reactive",
            ])
        #expect(
            step.departments.map { $0.maturityBefore?.level } == [
                "integrated", "integrated", "integrated", "experimenting", "reactive",
            ])
        #expect(step.departments.map(\.maturityMove) == [.same, .same, .same, .same, .same])
        let catalog = try Fixtures.catalog("en")
        guard case .file(let md) = Comparer.render(format: .md, sessions: [after, refolded], catalog: catalog) else {
            Issue.record("md is a file")
            return
        }
        let markdown = String(decoding: md, as: UTF8.self)
        #expect(
            markdown.contains(
                "- the maturity levels differ between the sessions; a level is compared by its rank in each session's model"
            ))
    }

    @Test func everyFormatSaysWhatCouldNotBeCompared() throws {
        let sessions = try Self.sessions()
        let catalog = try Fixtures.catalog("en")
        guard case .file(let md) = Comparer.render(format: .md, sessions: sessions, catalog: catalog),
            case .file(let json) = Comparer.render(format: .json, sessions: sessions, catalog: catalog),
            case .file(let html) = Comparer.render(format: .html, sessions: sessions, catalog: catalog),
            case .folder(let csv) = Comparer.render(format: .csv, sessions: sessions, catalog: catalog)
        else {
            Issue.record("md, json and html are files, csv a folder")
            return
        }
        let lines = [
            "the stage \"Handing it over\", held before only",
            "the item \"Follow the wind and the fashionable tools\": its scale changed between the sessions",
            "the item \"Measuring nothing\", asked after only",
            "the option \"Delegate to an agency or a guru\" of \"The dominant reflex\", offered before only",
            "the option \"Measuring nothing\" of \"The dominant reflex\", offered after only",
        ]
        let markdown = String(decoding: md, as: UTF8.self)
        let section = markdown.components(separatedBy: "### Not compared\n\n").last ?? ""
        #expect(section.split(separator: "\n").prefix(5).map(String.init) == lines.map { "- " + $0 })
        #expect(markdown.contains("| v2 | 2026-03-19 | 2 | 2 | 8 |"))
        let page = String(decoding: html, as: UTF8.self)
        for line in lines {
            #expect(page.contains("<li>" + line.replacingOccurrences(of: "\"", with: "&quot;") + "</li>"), "\(line)")
        }
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        let steps = try #require(parsed["steps"] as? [[String: Any]])
        let listed = try #require(steps[0]["not_compared"] as? [[String: Any]])
        #expect(listed.compactMap { $0["text"] as? String } == lines)
        #expect(listed.compactMap { $0["what"] as? String } == ["stage", "scale", "item", "option", "option"])
        let file = try #require(csv.first { $0.name == "not_compared.csv" })
        let rows = try RFC4180.parse(String(decoding: file.bytes, as: UTF8.self))
        #expect(rows.count == 6)
        #expect(rows.dropFirst().map { $0.last ?? "" } == lines)
    }
}
