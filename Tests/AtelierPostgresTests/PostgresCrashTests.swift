import AtelierCore
import AtelierPostgres
import AtelierStore
import AtelierTestFixtures
import Foundation
import Testing

/// The crash test of the SQLite store (AtelierStoreTests/CrashTests), against
/// PostgreSQL: a child process appends batches and acknowledges each commit;
/// it is killed with SIGKILL at random moments. Every acknowledged event
/// must be there, and no batch half there.
@Suite struct PostgresCrashTests {
    static let rounds = 25

    static var child: URL {
        let tests = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return tests.deletingLastPathComponent().appendingPathComponent("atelier-crashchild")
    }

    func killedRun(store: String, delay: UInt32) throws -> (acknowledged: Int64, errors: String) {
        let process = Process()
        process.executableURL = Self.child
        process.arguments = [store, "crash"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // The delay counts from `ready` (the store open, its connection made), as in the SQLite crash test.
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

    /// Batch B holds notes "batch B: 1/k" ... "batch B: k/k", whole and in order.
    func halfBatches(_ events: [RecordedEvent]) -> [String] {
        var problems: [String] = []
        var open: (batch: Substring, next: Int, size: Int)?
        for event in events.dropFirst() {
            guard case .noteAdded(_, let text) = event.event, let colon = text.firstIndex(of: ":"),
                let slash = text.firstIndex(of: "/"),
                let index = Int(text[text.index(colon, offsetBy: 2)..<slash]),
                let size = Int(text[text.index(after: slash)...])
            else {
                problems.append("unexpected event \(event.seq)")
                continue
            }
            if let current = open, current.next <= current.size {
                if text[..<colon] != current.batch || index != current.next {
                    problems.append("batch cut before event \(event.seq)")
                }
            } else if index != 1 {
                problems.append("batch starting mid-way at event \(event.seq)")
            }
            open = (text[..<colon], index + 1, size)
        }
        if let current = open, current.next <= current.size { problems.append("the last batch is half there") }
        return problems
    }

    @Test func acknowledgedEventsSurviveSIGKILL() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.child.path), "build atelier-crashchild first")
        let text = try TestCluster.shared.database()
        let address = try PostgresAddress(text)
        _ = try PostgresStore(address: address).create(
            id: "crash", workshop: Support.workshop, locale: "fr", time: Support.start, actor: .facilitator)
        var random = SeededRandom(seed: 2026)
        var acknowledged: Int64 = 1
        for round in 1...Self.rounds {
            let run = try killedRun(store: text, delay: UInt32.random(in: 20_000...150_000, using: &random))
            #expect(run.errors.isEmpty, "round \(round): the child failed: \(run.errors)")
            let store = try PostgresStore(address: address, readOnly: true)
            let events = try store.events(id: "crash")
            let stored = events.last?.seq ?? 0
            #expect(stored >= max(acknowledged, run.acknowledged), "round \(round): acknowledged events are lost")
            #expect(halfBatches(events) == [], "round \(round)")
            // The kept summary matches the events, read in one statement (one snapshot: a commit the
            // killed child had sent may still land between two reads).
            let same = try TestCluster.shared.psql(
                address.database,
                "SELECT bool_and(event_count = (SELECT count(*) FROM atelier_events e WHERE e.session = s.key)) "
                    + "FROM atelier_sessions s")
            #expect(same == "t", "round \(round): the summary and the events differ")
            store.close()
            acknowledged = stored
        }
        #expect(acknowledged > Int64(Self.rounds), "the child must get to write in most rounds")
    }
}
