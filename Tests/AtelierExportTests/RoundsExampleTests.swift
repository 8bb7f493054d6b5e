import AtelierCore
import AtelierExport
import AtelierStore
import AtelierTestFixtures
import Foundation
import Testing

/// The committed two-round example (docs/examples/rounds.jsonl, `RoundsScript`)
/// and its exports (docs/examples/rounds/), figure by figure against values
/// worked by hand; its JSON validates against docs/summary.schema.json.
@Suite struct RoundsExampleTests {
    static let recordingPath = "docs/examples/rounds.jsonl"
    static let exportsFolder = "docs/examples/rounds"

    static func recording() throws -> String {
        let workshop = try Demo.workshop()
        let events = try RoundsScript.events(workshop: workshop)
        let state = SessionState.fold(
            id: RoundsScript.sessionID, workshop: RoundsScript.workshop(workshop), events: events)
        return Recording.write(header: RecordingHeader(state), events: events)
    }

    /// The committed recording, read and checked by the store like any import.
    static func state() throws -> SessionState {
        let (header, events) = try Recording.read(try Fixtures.text(recordingPath), file: recordingPath)
        return SessionState.fold(id: header.session, workshop: header.workshop, events: events)
    }

    @Test func theExampleIsWhatTheScriptWritesAndExports() throws {
        let text = try Self.recording()
        if Demo.regenerating {
            try Data(text.utf8).write(to: Fixtures.root.appendingPathComponent(Self.recordingPath), options: .atomic)
        }
        #expect(try Fixtures.text(Self.recordingPath) == text)
        let state = try Self.state()
        for language in ["en", "fr"] {
            for (path, bytes) in try Demo.exports(state, language: language) {
                let name = Self.exportsFolder + "/" + path.replacingOccurrences(of: "demo.", with: "rounds.")
                let url = Fixtures.root.appendingPathComponent(name)
                if Demo.regenerating {
                    try FileManager.default.createDirectory(
                        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(bytes).write(to: url, options: .atomic)
                }
                #expect(try Data(contentsOf: url) == Data(bytes), "\(name)")
            }
        }
    }

    /// The company on "ignore". Round 1: 0 0 1 1 1 2 2 3 4 (n 9): median x4 = 1,
    /// Q1 x2 = 1, Q3 x6 = 2, IQR 1; in the band [0, 1]: 5 of 9. Round 2:
    /// 0 0 1 1 1 1 1 1 2: median 1, Q1 1, Q3 1, IQR 0; in the band 8 of 9 ≥ 0.7.
    /// Changed: hugo 2 → 1, karim 3 → 1, sophie 4 → 2, paul 2 → 1: 4 of 9, kept
    /// 5/9 ≥ 0.5; mean |change| (1 + 2 + 2 + 1)/9 = 2/3. Tastle–Wierman, round 2:
    /// mean 8/9, 1 + 2/9 log2(1 − (8/9)/4) + 6/9 log2(1 − (1/9)/4) + 1/9 log2(1 − (10/9)/4)
    /// = 1 − 0.080571 − 0.027095 − 0.052164 = 0.840170 ≥ 0.6. Every criterion met: converged.
    @Test func companyIgnoreConverges() throws {
        let rounds = RoundsAnalysis.of(try Self.state())
        #expect(rounds.criteriaRecorded)
        #expect(rounds.criteria == RoundsScript.criteria)
        let ignore = try #require(rounds.items.first { $0.item == "ignore" }).company
        let distributions: [[Int]] = [[2, 3, 2, 1, 1], [2, 6, 1, 0, 0]]
        let medians: [Double?] = [1, 1]
        let iqrs: [Double?] = [1, 0]
        let agreements: [Double?] = [5.0 / 9, 8.0 / 9]
        #expect(ignore.rounds.map(\.stats.distribution) == distributions)
        #expect(ignore.rounds.map(\.stats.median) == medians)
        #expect(ignore.rounds.map(\.stats.iqr) == iqrs)
        #expect(ignore.rounds.map(\.agreement) == agreements)
        let step = try #require(ignore.steps.first)
        #expect(step.stability.pairs == 9 && step.stability.changed == 4)
        #expect(step.stability.meanAbsoluteChange == 6.0 / 9)
        #expect(abs(try #require(ignore.rounds[1].stats.consensus) - 0.840170) < 1e-6)
        #expect(
            ignore.rounds[1].check == CriteriaCheck(iqr: true, agreement: true, tastleWierman: true, stability: true))
        #expect(ignore.verdict == .converged)
    }

    /// Marketing on "drift": round 1 2 2 3 (IQR 0.5), round 2 0 4 2 (Q1 = 1,
    /// Q3 = 3, IQR 2): the spread grows, criteria not met: diverged.
    /// Direction: nadia did not answer round 2, so 2 pairs (sophie 1 → 1, paul 2 → 2).
    @Test func marketingDriftDiverges() throws {
        let drift = try #require(RoundsAnalysis.of(try Self.state()).items.first { $0.item == "drift" })
        let marketing = try #require(drift.department("marketing"))
        let iqrs: [Double?] = [0.5, 2]
        #expect(marketing.rounds.map(\.stats.iqr) == iqrs)
        #expect(marketing.steps[0].stability.iqrChange == 1.5)
        #expect(marketing.verdict == .diverged)
        let direction = try #require(drift.department("direction"))
        #expect(direction.steps[0].stability.pairs == 2)
        #expect(direction.steps[0].stability.changed == 0)
    }

    /// The version-2 JSON validates against docs/summary.schema.json.
    /// "The dominant reflex" (options ignore, status_quo, delegate, drift), by
    /// the criteria agreement ≥ 0.7 and kept ≥ 0.5 (docs/analysis.md, Rounds).
    /// Marketing: claire delegate → drift, hugo drift → drift, ines delegate →
    /// drift: most chosen delegate 2/3 → drift 3/3 = 1 (met), kept 1 of 3
    /// (not met), the share rose: still split. Customer service: karim
    /// status_quo, lea ignore → status_quo, marc status_quo: 2/3 → 1, kept
    /// 2/3: converged. Leadership: sophie delegate, paul status_quo →
    /// delegate, nadia delegate: 2/3 → 1, kept 2/3: converged. Company:
    /// (1, 3, 4, 1) → (0, 3, 3, 3): delegate 4/9 → a three-way tie at 3/9
    /// (not met), 4 of 9 changed, kept 5/9 (met), the share fell: diverged.
    @Test func positionVerdictsByHand() throws {
        let rounds = RoundsAnalysis.of(try Self.state())
        let position = try #require(rounds.picks.first { $0.stage == "position" })
        let company = position.companyRounds
        #expect(company.rounds.map { $0.stats.counts.map(\.count) } == [[1, 3, 4, 1], [0, 3, 3, 3]])
        let agreements: [Double?] = [4.0 / 9, 3.0 / 9]
        #expect(company.rounds.map(\.agreement) == agreements)
        #expect(
            company.rounds[1].check == CriteriaCheck(iqr: nil, agreement: false, tastleWierman: nil, stability: true))
        #expect(company.steps.map(\.pairs) == [9])
        #expect(company.steps.map(\.changed) == [4])
        #expect(company.verdict == .diverged)
        let expected: [(id: String, modes: [[String]], changed: Int, verdict: RoundVerdict)] = [
            ("marketing", [["delegate"], ["drift"]], 2, .stillSplit),
            ("service-client", [["status_quo"], ["status_quo"]], 1, .converged),
            ("direction", [["delegate"], ["delegate"]], 1, .converged),
        ]
        #expect(position.departmentRounds.map(\.id) == expected.map(\.id))
        for want in expected {
            let group = try #require(position.department(want.id))
            #expect(group.rounds.map(\.stats.modes) == want.modes, "\(want.id)")
            let agreements: [Double?] = [2.0 / 3, 1]
            #expect(group.rounds.map(\.agreement) == agreements, "\(want.id)")
            #expect(group.steps.map(\.pairs) == [3], "\(want.id)")
            #expect(group.steps.map(\.changed) == [want.changed], "\(want.id)")
            #expect(group.verdict == want.verdict, "\(want.id)")
        }
    }

    @Test(arguments: ["en", "fr"]) func jsonFollowsTheSchema(language: String) throws {
        let json = try Demo.text(try Self.state(), .json, language: language)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(parsed["version"] as? Int == 2)
        #expect((parsed["rounds"] as? [Any])?.count == 3)
        // The pick stage's verdicts, as worked in positionVerdictsByHand.
        let stages = try #require(parsed["rounds"] as? [[String: Any]])
        let position = try #require(stages.first { $0["stage"] as? String == "position" })
        let verdict = try #require(position["verdict"] as? [String: Any])
        #expect(verdict["company"] as? String == "diverged")
        #expect(
            verdict["departments"] as? [String: String]
                == ["marketing": "still_split", "service-client": "converged", "direction": "converged"])
        let (status, output) = try SchemaCheck.validate(json, schema: "docs/summary.schema.json")
        #expect(status == 0, "\(output)")
    }
}

/// docs/summary.schema.json checked by python3's jsonschema (Draft 2020-12).
enum SchemaCheck {
    static func validate(_ json: String, schema: String) throws -> (Int32, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-schema-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("summary.json")
        try Data(json.utf8).write(to: document)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))))
            for e in errors: print(list(e.path), e.message)
            sys.exit(1 if errors else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, Fixtures.root.appendingPathComponent(schema).path, document.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
