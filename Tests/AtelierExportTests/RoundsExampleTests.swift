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
    @Test(arguments: ["en", "fr"]) func jsonFollowsTheSchema(language: String) throws {
        let json = try Demo.text(try Self.state(), .json, language: language)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(parsed["version"] as? Int == 2)
        #expect((parsed["rounds"] as? [Any])?.count == 3)
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
