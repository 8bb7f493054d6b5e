import AtelierCore
import AtelierStore
import Foundation
import Testing

/// Broken recordings: each is refused with its line and exact message, and
/// nothing of it reaches the store.
@Suite struct BadRecordingTests {
    /// The scripted session's recording, as lines (line 1: header).
    static func lines() async throws -> [String] {
        try await ScriptedSession.recording().split(separator: "\n").map(String.init)
    }

    /// Writes `text` to a file, imports it into a fresh store, and returns the
    /// English message; checks that the store holds no session afterwards.
    func importFailure(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let path = TestSupport.folder() + "/broken.jsonl"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let store = try TestSupport.store()
        var message = "imported without error"
        do {
            try store.importRecording(contentsOf: path)
        } catch {
            message = TestSupport.english(error.message).replacingOccurrences(of: path, with: "F")
        }
        #expect(try store.sessions() == [], "a refused recording left something", sourceLocation: sourceLocation)
        // The text form of the reader says the same.
        do {
            _ = try Recording.read(text, file: "F")
            Issue.record("Recording.read accepted it", sourceLocation: sourceLocation)
        } catch {
            #expect(TestSupport.english(error.message) == message, sourceLocation: sourceLocation)
        }
        return message
    }

    func edited(_ lines: [String], line: Int, _ from: String, _ to: String) -> String {
        var lines = lines
        #expect(lines[line - 1].contains(from), "line \(line) has no \(from)")
        lines[line - 1] = lines[line - 1].replacingOccurrences(of: from, with: to)
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func theIntactRecordingImports() async throws {
        let lines = try await Self.lines()
        #expect(lines.count == 10)
        let store = try TestSupport.store()
        #expect(try store.importRecording(lines.joined(separator: "\n") + "\n", file: "F") == ScriptedSession.id)
        #expect(try store.sessions().map(\.eventCount) == [9])
    }

    @Test func cutInTheMiddleOfALine() async throws {
        let text = try await Self.lines().joined(separator: "\n") + "\n"
        let line8 =
            text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)[0..<7]
            .map(\.count).reduce(0, +) + 7
        let cut = String(decoding: Array(text.utf8)[0..<(line8 + 20)], as: UTF8.self)
        #expect(try importFailure(cut) == "F:8: the last line has no line break at its end: the file is truncated")
    }

    @Test func cutAtALineBreak() async throws {
        let lines = try await Self.lines()
        #expect(
            try importFailure(lines[0..<8].joined(separator: "\n") + "\n")
                == "F:9: the file ends after 7 events but its header announces 9: the file is truncated")
    }

    @Test func corruptedLine() async throws {
        let lines = try await Self.lines()
        let text = edited(lines, line: 5, "\"kind\":\"participant\"", "\"kind\":\"partic\u{0}")
        #expect(try importFailure(text) == "F:5: this line is not valid JSON: the file is damaged")
    }

    @Test func invalidUTF8() async throws {
        var bytes = Array((try await Self.lines()).joined(separator: "\n").utf8) + [10]
        let line4 = bytes.indices.filter { bytes[$0] == 10 }[2] + 1
        bytes[line4 + 3] = 0xFF
        let path = TestSupport.folder() + "/broken.jsonl"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let store = try TestSupport.store()
        #expect(throws: StoreError.self) { try store.importRecording(contentsOf: path) }
        do {
            try store.importRecording(contentsOf: path)
        } catch {
            #expect(
                TestSupport.english(error.message) == "\(path):4: this line is not valid JSON: the file is damaged")
        }
        #expect(try store.sessions() == [])
    }

    @Test func reorderedLines() async throws {
        var lines = try await Self.lines()
        lines.swapAt(5, 6)
        #expect(
            try importFailure(lines.joined(separator: "\n") + "\n")
                == "F:6: sequence number 6 where 5 is expected: events are missing or out of order")
    }

    @Test func duplicatedLine() async throws {
        var lines = try await Self.lines()
        lines.insert(lines[3], at: 4)
        #expect(
            try importFailure(lines.joined(separator: "\n") + "\n")
                == "F:5: sequence number 3 where 4 is expected: a line is duplicated or out of order")
    }

    @Test func unknownEventType() async throws {
        let text = edited(try await Self.lines(), line: 9, "\"type\":\"note_added\"", "\"type\":\"note_edited\"")
        #expect(
            try importFailure(text)
                == "F:9: unknown event type \"note_edited\"; known types: session_started, department_added, "
                + "participant_joined, participant_left, stage_changed, stage_locked, stage_unlocked, stage_revealed, "
                + "timer_started, rated, picked, strategy_declared, knows_declared, shares_declared, note_added, "
                + "undone, session_ended, round_started")
    }

    @Test func newerEventVersion() async throws {
        let text = edited(try await Self.lines(), line: 7, "\"v\":1", "\"v\":2")
        #expect(try importFailure(text) == "F:7: this event has version 2; this atelier reads up to version 1")
    }

    @Test func eventTheRulesRefuse() async throws {
        let text = edited(try await Self.lines(), line: 8, "\"value\":1", "\"value\":9")
        #expect(
            try importFailure(text)
                == "F:8: the session's rules refuse this rated event here: 9 is off the scale of stage \"ignore\"; "
                + "give a whole number from 0 to 4")
    }

    @Test func eventThatDoesNotFollow() async throws {
        let text = edited(try await Self.lines(), line: 6, "\"from\":\"intro\"", "\"from\":\"closing\"")
        #expect(try importFailure(text) == "F:6: this stage_changed event does not follow from the events before it")
    }

    @Test func missingField() async throws {
        let text = edited(try await Self.lines(), line: 3, "\"name\":\"Marketing\",", "")
        #expect(try importFailure(text) == "F:3: field \"name\" is missing")
    }

    @Test func wrongFieldType() async throws {
        let text = edited(try await Self.lines(), line: 7, "\"value\":3", "\"value\":\"3\"")
        #expect(try importFailure(text) == "F:7: field \"value\" has the wrong type")
    }

    @Test func notARecording() throws {
        let yaml = try String(
            contentsOfFile: TestSupport.repository + "/workshops/coping-patterns.yaml", encoding: .utf8)
        #expect(
            try importFailure(yaml)
                == "F:1: this is not an atelier recording: the first line must be a JSON header with "
                + "\"format\": \"atelier.recording\" and a \"version\"")
    }

    @Test func emptyFile() throws {
        #expect(try importFailure("") == "F:1: the file is empty; a recording starts with its header line")
    }

    @Test func newerFormat() async throws {
        let text = edited(try await Self.lines(), line: 1, "\"version\":1,", "\"version\":2,")
        #expect(
            try importFailure(text) == "F:1: this recording has format version 2; this atelier reads up to version 1")
    }

    @Test func headerNamingAnotherWorkshop() async throws {
        let text = edited(try await Self.lines(), line: 1, "\"workshop_version\":1", "\"workshop_version\":3")
        #expect(
            try importFailure(text)
                == "F:1: the header names workshop coping-patterns v3 but holds the definition of coping-patterns v1")
    }

    @Test func sessionAlreadyStoredIsRefusedWholly() async throws {
        let text = try await ScriptedSession.recording()
        let store = try TestSupport.store()
        try store.importRecording(text, file: "F")
        #expect(throws: StoreError("store.import_session_exists", ["session": .text(ScriptedSession.id)])) {
            try store.importRecording(text, file: "F")
        }
        #expect(try store.sessions().count == 1)
        #expect(try store.importRecording(text, file: "F", as: "copie") == "copie")
        #expect(try store.sessions().map(\.id).sorted() == ["atelier-demo", "copie"])
    }
}
