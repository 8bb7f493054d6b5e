import AtelierCore
import AtelierTestFixtures
import Foundation
import Testing

@testable import AtelierStore

/// The byte scanner of event lines against JSONDecoder, its fallback and
/// reference: on every line, fuzzed from a fixed seed, both ways give the
/// same event or the same problem.
@Suite struct EventLineScannerTests {
    /// Texts that exercise the scanner: plain, accented, emoji, quotes,
    /// backslashes, control characters, slashes, empty.
    static let texts = [
        "ignore", "p12", "Marketing", "zoé", "Service client — Île-de-France 🎧", "say \"no\"", "back\\slash",
        "tab\there", "line\nbreak", "a/b", "", "\u{7F}del", "\u{2028}", String(repeating: "long ", count: 12),
    ]

    static func text(_ random: inout SeededRandom) -> String {
        texts[Int(random.next() % UInt64(texts.count))]
    }

    static func integer(_ random: inout SeededRandom) -> Int64 {
        [0, 1, -1, 3, 10_800, 1_795_314_666_154, -9_000_000_000_000_000_000, Int64.max][Int(random.next() % 8)]
    }

    static func rater(_ random: inout SeededRandom) -> Rater {
        random.next() % 2 == 0 ? .participant(text(&random)) : .department(text(&random))
    }

    /// A random event of each kind in turn, through the schema.
    static func event(_ random: inout SeededRandom, kind: Int) -> RecordedEvent {
        var values = EventValues()
        for (index, field) in EventSchema.kinds[kind].fields.enumerated() {
            switch field.type {
            case .text: values[index] = .text(text(&random))
            case .integer: values[index] = .integer(integer(&random))
            case .rater: values[index] = .rater(rater(&random))
            }
        }
        let actor: Actor = random.next() % 2 == 0 ? .facilitator : .participant(text(&random))
        return RecordedEvent(
            seq: Int64(random.next() % 1_000_000) + 1, time: integer(&random), actor: actor,
            event: Event(kind: kind, values: values)!)
    }

    /// One change to a line: a byte cut, doubled, replaced or inserted, the
    /// line cut short, or one of a list of edits that keep it JSON.
    static func mutate(_ line: String, _ random: inout SeededRandom) -> [UInt8] {
        var bytes = Array(line.utf8)
        let at = Int(random.next() % UInt64(bytes.count))
        let pick: [UInt8] = Array("{}[]\",:\\ 0123456789-.eEtfn\u{1}".utf8) + [0xC3, 0xFF]
        switch random.next() % 9 {
        case 0: bytes.remove(at: at)
        case 1: bytes.insert(bytes[at], at: at)
        case 2: bytes[at] = pick[Int(random.next() % UInt64(pick.count))]
        case 3: bytes.insert(pick[Int(random.next() % UInt64(pick.count))], at: at)
        case 4: bytes = Array(bytes[0..<at])
        default:
            let edits: [(String, String)] = [
                ("\"v\":1", "\"v\":2"), ("\"v\":1", "\"v\":1.0"), ("\"v\":1", "\"v\":\"1\""),
                ("\"seq\":", "\"sequence\":"),
                ("\"kind\":\"participant\"", "\"kind\":\"person\""), ("\"kind\":\"participant\",", ""),
                ("\"kind\":\"facilitator\"", "\"kind\":null"), (",\"time\":", ",\"extra\":[1,2],\"time\":"),
                ("{", "{\"seq\":7,"), ("\"type\":\"", "\"type\":\"x"), (":", " : "), (",", " ,\t"),
                ("\"name\":", "\"n\\u0061me\":"), ("e", "\\u0065"), ("\"time\":", "\"time\":-0,\"t\":"),
                ("\"actor\":{", "\"actor\":{\"id\":\"x\","), ("\"value\":", "\"value\":1e0,\"x\":"),
                ("\"stage\":\"", "\"stage\":\"\\\""), ("}", "},"), ("\"target\":", "\"target\":00"),
            ]
            let (from, to) = edits[Int(random.next() % UInt64(edits.count))]
            if let range = line.range(of: from) { return Array(line.replacingCharacters(in: range, with: to).utf8) }
            bytes.insert(UInt8(ascii: " "), at: at)
        }
        return bytes
    }

    /// The line read both ways; returns whether the scanner took it.
    @discardableResult
    func compare(_ line: [UInt8], _ note: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        var scanning = RecordingLineDecoder()
        var decoding = RecordingLineDecoder()
        decoding.scans = false
        var scanner = EventLineScanner()
        return line.withUnsafeBufferPointer { bytes in
            let scanned = scanning.decode(bytes, terminated: true, number: 2)
            let decoded = decoding.decode(bytes, terminated: true, number: 2)
            #expect(
                scanned == decoded, "\(note): \(String(decoding: line, as: UTF8.self))", sourceLocation: sourceLocation)
            return scanner.scan(bytes) != nil
        }
    }

    @Test func theScannerAndJSONDecoderAgreeOnFuzzedLines() {
        var random = SeededRandom(seed: 2026_12_06)
        let writer = RecordingWriter()
        var written = 0
        var scanned = 0
        var mutated = 0
        var mutatedScanned = 0
        for round in 0..<3_000 {
            let event = Self.event(&random, kind: round % EventSchema.kinds.count)
            let line = writer.event(event)
            written += 1
            if compare(Array(line.utf8), "written") { scanned += 1 }
            // What the writer writes, the scanner reads back as it was.
            var scanner = EventLineScanner()
            let back = Array(line.utf8).withUnsafeBufferPointer { scanner.scan($0) }
            if let back { #expect(back == event, "\(line)") }
            for _ in 0..<4 {
                let changed = Self.mutate(line, &random)
                mutated += 1
                if compare(changed, "mutated") { mutatedScanned += 1 }
            }
        }
        // Lines without escapes are the scanner's (about half of these texts need one).
        #expect(scanned > written / 3, "the scanner took \(scanned) of \(written) written lines")
        #expect(mutatedScanned > 0 && mutatedScanned < mutated, "\(mutatedScanned) of \(mutated) mutated lines")
    }

    /// Every written line without an escape (what a session mostly holds)
    /// is the scanner's, never the fallback's: here every kind, both kinds
    /// of actor and rater, accents and emoji.
    @Test func plainLinesAreAllScanned() {
        let writer = RecordingWriter()
        var scanned = 0
        for (actor, event) in PackedEventTests.events {
            let line = Array(
                writer.event(RecordedEvent(seq: 5, time: 1_795_314_666_154, actor: actor, event: event)).utf8)
            guard !line.contains(UInt8(ascii: "\\")) else { continue }
            var scanner = EventLineScanner()
            let back = line.withUnsafeBufferPointer { scanner.scan($0) }
            #expect(back == RecordedEvent(seq: 5, time: 1_795_314_666_154, actor: actor, event: event))
            scanned += 1
        }
        #expect(scanned == PackedEventTests.events.count)
    }

    /// A broken line anywhere in a recording is refused at its number, with
    /// the same message whichever way its lines are read.
    @Test func aFuzzedRecordingIsRefusedAtTheSameLineBothWays() async throws {
        let lines = try await BadRecordingTests.lines()
        var random = SeededRandom(seed: 14)
        for _ in 0..<400 {
            let index = 1 + Int(random.next() % UInt64(lines.count - 1))
            let changed = Self.mutate(lines[index], &random)
            var bytes: [UInt8] = []
            for (number, line) in lines.enumerated() {
                bytes += number == index ? changed : Array(line.utf8)
                bytes.append(UInt8(ascii: "\n"))
            }
            var outcomes: [String] = []
            for scans in [true, false] {
                var reader = RecordingReader(file: "F")
                reader.scans = scans
                do {
                    try bytes.withUnsafeBufferPointer { buffer in
                        for line in buffer.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                            .dropLast()
                        {
                            _ = try reader.read(line: UnsafeBufferPointer(rebasing: line), terminated: true)
                        }
                    }
                    _ = try reader.finish()
                    outcomes.append("read")
                } catch let error as RecordingError {
                    outcomes.append("\(error.line): \(TestSupport.english(error.problem))")
                }
            }
            #expect(outcomes[0] == outcomes[1], "line \(index + 1): \(String(decoding: changed, as: UTF8.self))")
        }
    }
}
