import AtelierCore
import AtelierExport
import AtelierReplay
import AtelierStore
import AtelierTerminal
import AtelierTestFixtures
import Foundation
import Testing

/// Workshop files and recordings mutated at random, from a fixed seed, fed
/// to what reads them: `validate` (the parser), `record import` (the store),
/// `replay` and `export` (a recording read as a session). None may crash or
/// hang; every refusal names its place (`LINE:COLUMN` for a workshop file,
/// `FILE:LINE` for a recording); whatever is accepted is exported and
/// replayed in full. Bounded: a few hundred cases, under the suite's limit.
@Suite("Fuzzing hostile files", .serialized, .timeLimit(.minutes(3)))
struct HostileFileFuzzTests {
    static let seed: UInt64 = 0x0A7E_11E5
    let english: Catalog

    init() throws { english = try Fixtures.catalog("en") }

    // MARK: - Workshop files

    @Test func mutatedWorkshopFilesAreRefusedWithTheirPlaceOrWorkToTheEnd() throws {
        var random = SplitMix(seed: Self.seed)
        let sources = try ["coping-patterns", "barriers"].map { try Fixtures.text("workshops/\($0).yaml") }
        var accepted = 0
        var refused = 0
        for round in 0..<400 {
            var lines = sources[round % sources.count].components(separatedBy: "\n")
            for _ in 0...random.below(2) { Self.mutate(&lines, &random) }
            let text = lines.joined(separator: "\n")
            let result = WorkshopParser.parse(text)
            if let workshop = result.workshop {
                accepted += 1
                #expect(WorkshopRules.problems(in: workshop) == [])
                try exercise(workshop, &random)
            } else {
                refused += 1
                #expect(!result.problems.isEmpty)
                for problem in result.problems {
                    #expect((1...(lines.count + 1)).contains(problem.position.line), "round \(round)")
                    #expect(problem.position.column >= 1)
                    #expect(english.messages[problem.message.key] != nil)
                    let sentence = english.render(problem.message)
                    #expect(!sentence.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x200F })
                }
            }
        }
        // Both roads are taken (the numbers are those of the fixed seed).
        #expect(accepted >= 10 && refused >= 300)
    }

    /// Numbers at the edges, controls, invisible characters, lines removed or doubled.
    static let numbers = [
        "0", "-1", "1", "2.5", "99999999999999999999999", "9223372036854775807", "-9223372036854775808", "1e300",
        ".nan", ".inf", "-.inf", "1000000", "11", "-101",
    ]
    static let insertions = [
        "\u{1B}[2J", "\u{1B}]0;x\u{07}", "\u{200F}", "\u{2028}", "\u{200B}", "\u{202E}", "\u{0}", "\u{2800}",
    ]

    static func mutate(_ lines: inout [String], _ random: inout SplitMix) {
        guard !lines.isEmpty else { return }
        let index = random.below(lines.count)
        switch random.below(5) {
        case 0:
            // A number of the line (a version, a bound, a threshold, a scale point) at an edge.
            let line = lines[index]
            guard let colon = line.lastIndex(of: ":") else { return }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if Double(value) != nil || value.isEmpty {
                lines[index] = line[...colon] + " " + numbers[random.below(numbers.count)]
            } else {
                lines[index] = line + " " + numbers[random.below(numbers.count)]
            }
        case 1:
            var scalars = Array(lines[index].unicodeScalars)
            let at = random.below(scalars.count + 1)
            scalars.insert(contentsOf: insertions[random.below(insertions.count)].unicodeScalars, at: at)
            lines[index] = String(String.UnicodeScalarView(scalars))
        case 2: lines.remove(at: index)
        case 3: lines.insert(lines[index], at: index)
        default: lines.swapAt(index, random.below(lines.count))
        }
    }

    /// A session on an accepted workshop, every stage answered, then its
    /// exports and its replay: nothing that validates traps later.
    func exercise(_ workshop: Workshop, _ random: inout SplitMix) throws {
        var state = SessionState(id: "fuzz", workshop: workshop, locale: workshop.languages[0])
        var events: [RecordedEvent] = []
        func run(_ action: Action, as actor: Actor = .facilitator) {
            guard let produced = try? state.decide(Command(actor: actor, action: action, time: 1000)) else { return }
            for event in produced {
                let recorded = RecordedEvent(
                    seq: Int64(events.count + 1), time: 1000 * Int64(events.count), actor: actor, event: event)
                state.apply(recorded)
                events.append(recorded)
            }
        }
        for department in ["marketing", "legal"] {
            run(.addDepartment(id: department, name: department.capitalized))
            run(.join(name: department + "-1", department: department))
        }
        for stage in workshop.stages {
            run(.goTo(stage: stage.id))
            for who in ["marketing-1", "legal-1"] {
                if let scale = workshop.scale(of: stage) {
                    for item in stage.items {
                        let value = scale.min + random.below(scale.max - scale.min + 1)
                        run(.rate(who: who, item: item.id, value: value))
                    }
                }
                if let option = stage.options.randomElement(using: &random) { run(.pick(who: who, option: option.id)) }
            }
            if stage.kind == .strategy {
                run(.declareStrategy(department: "marketing", text: "A plan"))
                run(.knows(department: "legal", other: "marketing"))
            }
            run(.reveal)
        }
        run(.end)
        for language in workshop.languages.filter({ ["fr", "en"].contains($0) }) {
            let catalog = try Fixtures.catalog(language)
            for format in ExportFormat.allCases { _ = Exporter.render(format: format, state: state, catalog: catalog) }
        }
        let lines = ReplayTranscript(
            session: LoadedSession(id: "fuzz", workshop: workshop, events: events),
            context: TerminalContext(catalog: english)
        )
        .all()
        #expect(lines.count >= events.count)
    }

    // MARK: - Recordings

    /// Was: replay and export read a recording whole (a 200 MB header line: 442 MB, 8.5 s).
    @Test func replayStopsAtALineOverItsLimit() throws {
        let folder = NSTemporaryDirectory() + "atelier-fuzz/" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/huge.jsonl"
        try Data(("{\"format\":\"" + String(repeating: "x", count: 3 << 20) + "\"}\n").utf8).write(
            to: URL(fileURLWithPath: path))
        guard case .failure(let error) = SessionSource.load(path, storePath: folder + "/none.sqlite") else {
            Issue.record("a 3 MB header line was read")
            return
        }
        #expect(
            english.render(error.message)
                == "\(path):1: the header line is longer than 1024 KB: this is not a recording atelier wrote")
        guard case .failure(let folderError) = SessionSource.load(folder + "/", storePath: folder + "/none.sqlite")
        else {
            Issue.record("a folder was read as a recording")
            return
        }
        #expect(english.render(folderError.message) == "cannot read \(folder)/: Is a directory")
    }

    @Test func mutatedRecordingsAreRefusedAtTheirLineOrImportedExportedAndReplayed() throws {
        var random = SplitMix(seed: Self.seed ^ 0xFF)
        let original = try Fixtures.text("recordings/coping-patterns-demo.jsonl").components(separatedBy: "\n")
            .dropLast()
        let folder = NSTemporaryDirectory() + "atelier-fuzz/" + UUID().uuidString
        let store = try SessionStore(path: folder + "/atelier.sqlite")
        var accepted = 0
        var refused = 0
        for round in 0..<200 {
            var lines = Array(original)
            for _ in 0...random.below(2) { try Self.mutateRecording(&lines, &random) }
            let text = lines.joined(separator: "\n") + (random.below(20) == 0 ? "" : "\n")
            // replay and export of a recording
            let read = SessionSource.recording(text, file: "F")
            // record import (every fourth round: a store write is slower)
            var imported: Result<String, StoreError>?
            if round % 4 == 0 {
                do throws(StoreError) {
                    imported = .success(try store.importRecording(text, file: "F", as: "r\(round)"))
                } catch {
                    imported = .failure(error)
                }
            }
            switch read {
            case .success(let session):
                accepted += 1
                if case .failure(let error)? = imported {
                    Issue.record("round \(round): read but not imported: \(english.render(error.message))")
                }
                try replayAndExport(session)
                if case .success(let id)? = imported {
                    let state = try store.load(id: id)
                    #expect(state.eventCount == session.events.count)
                }
            case .failure(let error):
                refused += 1
                let sentence = english.render(error.message)
                let place = sentence.split(separator: ":", maxSplits: 2)
                #expect(place.count == 3 && place[0] == "F", "round \(round): \(sentence)")
                let line = Int(place.count == 3 ? place[1] : "") ?? 0
                #expect((1...(lines.count + 1)).contains(line), "round \(round): \(sentence)")
                #expect(!sentence.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x200F })
                if case .failure(let stored)? = imported {
                    #expect(english.render(stored.message) == sentence)
                } else if imported != nil {
                    Issue.record("round \(round): refused on reading but imported")
                }
            }
        }
        #expect(accepted >= 5 && refused >= 150)
        #expect(try store.sessions().count == (0..<200).filter { $0 % 4 == 0 }.count - refusedImports(store))
    }

    /// Sessions the store does not hold: those whose import was refused.
    func refusedImports(_ store: SessionStore) throws -> Int {
        let held = Set(try store.sessions().map(\.id))
        return (0..<200).filter { $0 % 4 == 0 && !held.contains("r\($0)") }.count
    }

    func replayAndExport(_ session: LoadedSession) throws {
        let state = session.state()
        for format in ExportFormat.allCases { _ = Exporter.render(format: format, state: state, catalog: english) }
        #expect(
            ReplayTranscript(session: session, context: TerminalContext(catalog: english)).all().count
                >= session.events.count)
    }

    static func mutateRecording(_ lines: inout [String], _ random: inout SplitMix) throws {
        let index = random.below(3) == 0 ? 0 : random.below(lines.count)
        switch random.below(6) {
        case 0, 1, 2:
            // A field of the line's JSON, the header's workshop definition included.
            guard var object = (try? JSONSerialization.jsonObject(with: Data(lines[index].utf8))) as? [String: Any]
            else { return }
            if index == 0, var workshop = object["workshop"] as? [String: Any], random.below(4) != 0 {
                workshop = mutateJSON(workshop, &random) as? [String: Any] ?? workshop
                object["workshop"] = workshop
                // Sometimes the header keeps naming what it holds, so the definition itself is checked.
                if random.below(2) == 0 {
                    object["workshop_version"] = workshop["version"]
                    object["workshop_id"] = workshop["id"]
                }
            } else {
                object = mutateJSON(object, &random) as? [String: Any] ?? object
            }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            lines[index] = String(decoding: data, as: UTF8.self)
        case 3: lines.remove(at: max(1, index) % lines.count)
        case 4: lines.insert(lines[index], at: index)
        default:
            var bytes = Array(lines[index].utf8)
            guard !bytes.isEmpty else { return }
            bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
            lines[index] = String(decoding: bytes, as: UTF8.self)
        }
    }

    static var jsonEdges: [Any] {
        [
            0, -1, 1, Int.max, Int.min, 1e300, -1e300, 2.5, 1_000_000, "", "\u{1B}[31m", "x\u{200F}y", "\u{2028}",
            NSNull(), [Any](), [String: Any](),
        ]
    }

    /// One change somewhere in a JSON value: a leaf at an edge, a key gone,
    /// an element removed or doubled, a text with a control inside.
    static func mutateJSON(_ value: Any, _ random: inout SplitMix) -> Any {
        if var object = value as? [String: Any], !object.isEmpty {
            let keys = object.keys.sorted()
            let key = keys[random.below(keys.count)]
            switch random.below(6) {
            case 0: object[key] = nil
            case 1: object[key] = jsonEdges[random.below(jsonEdges.count)]
            default: object[key] = mutateJSON(object[key] as Any, &random)
            }
            return object
        }
        if var array = value as? [Any], !array.isEmpty {
            let index = random.below(array.count)
            switch random.below(5) {
            case 0: array.remove(at: index)
            case 1: array.insert(array[index], at: index)
            default: array[index] = mutateJSON(array[index], &random)
            }
            return array
        }
        if let text = value as? String, random.below(2) == 0 {
            return text + (insertions[random.below(insertions.count)])
        }
        return jsonEdges[random.below(jsonEdges.count)]
    }
}

/// SplitMix64: a small seeded generator, so a failing case replays from the seed.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
}
