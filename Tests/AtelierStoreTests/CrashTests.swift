import AtelierCore
import AtelierStore
import AtelierTestFixtures
import Foundation
import Testing

/// A child process appends events and acknowledges each commit; it is killed
/// with SIGKILL at random moments. Every acknowledged event must survive,
/// no transaction may be half there, and SQLite must find the file sound.
/// `ATELIER_CRASH_ROUNDS` sets the number of kills (scripts/crash-test.sh).
@Suite struct CrashTests {
    static let rounds = Int(ProcessInfo.processInfo.environment["ATELIER_CRASH_ROUNDS"] ?? "") ?? 200

    /// The child program, built next to the test bundle.
    static var child: URL {
        get throws { try Program.built("atelier-crashchild") }
    }

    /// Starts the child, kills it `delay` microseconds after it says `ready`
    /// (its store open), and returns the last sequence number it acknowledged
    /// (0 if none) and what it said on stderr.
    func killedRun(store: String, delay: UInt32) throws -> (acknowledged: Int64, errors: String) {
        let process = Process()
        process.executableURL = try Self.child
        process.arguments = [store, "crash"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        var heard = Data()
        while !heard.starts(with: Data("ready\n".utf8)) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }  // the child ended before it was ready: its stderr says why
            heard.append(chunk)
        }
        usleep(delay)
        kill(process.processIdentifier, SIGKILL)
        heard.append(output.fileHandleForReading.readDataToEndOfFile())
        let said = String(decoding: heard, as: UTF8.self)
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let acks = said.split(separator: "\n").compactMap { line -> Int64? in
            guard line.hasPrefix("ack ") else { return nil }
            return Int64(line.dropFirst(4))
        }
        return (acks.max() ?? 0, complaint)
    }

    /// The notes of the journal, checked to be whole batches: "batch B: i/k"
    /// for i = 1...k, in order, the last batch complete.
    func checkBatches(_ events: [RecordedEvent]) -> [String] {
        var problems: [String] = []
        var expected: (batch: Substring, index: Int, size: Int)?
        for event in events.dropFirst() {
            guard case .noteAdded(_, let text) = event.event,
                let colon = text.firstIndex(of: ":"), let slash = text.firstIndex(of: "/"),
                let index = Int(text[text.index(colon, offsetBy: 2)..<slash]),
                let size = Int(text[text.index(after: slash)...])
            else {
                problems.append("unexpected event \(event.seq): \(event)")
                continue
            }
            let batch = text[..<colon]
            if let open = expected, open.index <= open.size {
                if batch != open.batch || index != open.index { problems.append("batch cut before event \(event.seq)") }
            } else if index != 1 {
                problems.append("batch starting mid-way at event \(event.seq)")
            }
            expected = (batch, index + 1, size)
        }
        if let open = expected, open.index <= open.size { problems.append("the last batch is half there") }
        return problems
    }

    @Test func acknowledgedEventsSurviveSIGKILL() throws {
        #expect((try? Self.child) != nil, "build atelier-crashchild first")
        let path = TestSupport.folder() + "/crash.sqlite"
        _ = try SessionStore(path: path).create(
            id: "crash", workshop: TestSupport.copingPatterns, locale: "fr", time: 1_714_550_400_000)
        var random = SeededRandom(seed: 2024)
        var acknowledged: Int64 = 1
        for round in 1...Self.rounds {
            let run = try killedRun(store: path, delay: UInt32.random(in: 2_000...60_000, using: &random))
            #expect(run.errors.isEmpty, "round \(round): the child failed: \(run.errors)")
            let store = try SessionStore(path: path)
            #expect(try store.integrityCheck() == "ok", "round \(round)")
            let events = try store.events(id: "crash")
            let stored = events.last?.seq ?? 0
            #expect(stored >= max(acknowledged, run.acknowledged), "round \(round): acknowledged events are lost")
            #expect(checkBatches(events) == [], "round \(round)")
            acknowledged = stored
        }
        #expect(acknowledged > Int64(Self.rounds), "the child must get to write in most rounds")
    }
}
