import AtelierCore
import AtelierStore
import Foundation

/// `atelier-bench store [--events N] [--dir DIR]`: generates an N-event session
/// (default 1,000,000) as a recording, then times, each in its own process so
/// that its peak memory (getrusage maxrss) is its own: the import of the
/// recording into a store, the fold from the store, and the fold from the
/// recording (which re-checks every event against the rules).
/// `--phase read-store` reads the journal into an array without folding;
/// `--phase scan-sqlite` times SQLite alone stepping through the rows;
/// `--phase many-sessions --sessions S` writes `sessions.sqlite`: S sessions
/// of N events each (imports of one generated recording under S ids), for
/// timing `atelier sessions`. `--store S` (an SQLite path or postgres://...)
/// runs `import`, `fold-store` and `read-store` on another store;
/// `--phase append` times the live session's group commit (`BenchStores`).
enum StoreBench {
    static func run(_ arguments: [String]) async throws {
        var options: [String: String] = [:]
        for index in stride(from: 0, to: arguments.count - 1, by: 2) {
            options[arguments[index]] = arguments[index + 1]
        }
        let events = Int(options["--events"] ?? "") ?? 1_000_000
        if options["--phase"] == "many-sessions" {
            try manySessions(Int(options["--sessions"] ?? "") ?? 1_000, events: events, folder: options["--dir"] ?? ".")
            return
        }
        let folder = options["--dir"] ?? NSTemporaryDirectory() + "atelier-bench-store"
        let recording = folder + "/bench.jsonl"
        // `--store` names another store for the phases (an empty PostgreSQL database for `import`).
        let store = options["--store"] ?? folder + "/bench.sqlite"
        if options["--phase"] == "append" {
            try await BenchStores.append(
                store: store, writers: Int(options["--writers"] ?? "") ?? 64,
                answers: Int(options["--answers"] ?? "") ?? 200)
            return
        }
        if let phase = options["--phase"] {
            try runPhase(phase, events: events, recording: recording, store: store)
            return
        }
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        print("store benchmark: \(events) events, files in \(folder)")
        for phase in ["generate", "import", "fold-store", "fold-recording"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            process.arguments = ["store", "--phase", phase, "--events", "\(events)", "--dir", folder]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw BenchError.failed(phase) }
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: recording)[.size] as? Int) ?? 0
        let storeSize = (try? FileManager.default.attributesOfItem(atPath: store)[.size] as? Int) ?? 0
        print("recording: \(size / 1_000_000) MB, store: \(storeSize / 1_000_000) MB")
    }

    enum BenchError: Error { case failed(String) }

    static func manySessions(_ count: Int, events: Int, folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let recording = folder + "/session.jsonl"
        let path = folder + "/sessions.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        _ = try SessionGenerator.write(events: events, to: recording)
        let store = try SessionStore(path: path)
        for index in 1...count {
            try store.importRecording(contentsOf: recording, as: "s" + String(format: "%04d", index))
        }
        print("many-sessions: \(count) sessions of \(events) events in \(path)")
    }

    static func runPhase(_ phase: String, events: Int, recording: String, store: String) throws {
        let start = DispatchTime.now().uptimeNanoseconds
        var count = 0
        switch phase {
        case "generate":
            count = try SessionGenerator.write(events: events, to: recording)
        case "import":
            let sessionStore = try BenchStores.open(store)
            let id = try sessionStore.importRecording(contentsOf: recording, as: nil)
            count = events
            _ = id
        case "fold-store":
            let state = try BenchStores.open(store).load(id: SessionGenerator.id)
            count = state.eventCount
        case "scan-sqlite":
            try SQLiteScan.run(store: store)
            return
        case "read-store":
            count = try BenchStores.open(store).events(id: SessionGenerator.id).count
        case "fold-recording":
            let (_, state) = try Recording.fold(contentsOf: recording)
            count = state.eventCount
        default:
            throw BenchError.failed(phase)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        // CPU time too: on a shared machine the wall clock also counts the others' work.
        let cpu =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        print(
            "\(phase.padding(toLength: 15, withPad: " ", startingAt: 0)) \(count) events  "
                + String(
                    format: "wall %7.2f s (%9.0f events/s)  cpu %7.2f s (%9.0f events/s)  peak %4d MB", seconds,
                    Double(count) / seconds, cpu, Double(count) / cpu, usage.ru_maxrss / 1024))
    }
}

/// A long, valid session of coping-patterns, made through `decide`: eight
/// departments, 240 participants, rounds of ratings and picks on every stage
/// (answers change from round to round), department voices, strategies,
/// knows/shares, notes; it ends with `session_ended`.
enum SessionGenerator {
    static let id = "bench"

    static func write(events total: Int, to path: String) throws -> Int {
        guard
            let workshop = WorkshopParser.parse(
                try String(contentsOfFile: "workshops/coping-patterns.yaml", encoding: .utf8)
            ).workshop
        else { throw StoreBench.BenchError.failed("workshop") }
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path)
        else { throw StoreBench.BenchError.failed("open") }
        defer { try? file.close() }
        let writer = RecordingWriter()
        var buffer: [UInt8] = []
        var time: Timestamp = 1_714_550_400_000
        var state = SessionState(id: id, workshop: workshop, locale: "fr")
        func write(_ recorded: RecordedEvent) throws {
            buffer.append(contentsOf: writer.event(recorded).utf8)
            buffer.append(10)
            if buffer.count > 1 << 20 {
                try file.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        let header = RecordingHeader(session: id, workshop: workshop, locale: "fr", startedAt: time, eventCount: total)
        buffer.append(contentsOf: (writer.header(header) + "\n").utf8)
        let started = RecordedEvent(
            seq: 1, time: time, actor: .facilitator,
            event: .sessionStarted(workshop: workshop.id, version: workshop.version, locale: "fr"))
        state.apply(started)
        try write(started)
        /// Submits a command; returns false once only the closing event is left to write.
        func submit(_ actor: Actor, _ action: Action) throws -> Bool {
            guard state.eventCount < total - 1 else { return false }
            time += 250
            for recorded in try state.execute(Command(actor: actor, action: action, time: time)) { try write(recorded) }
            return true
        }
        let departments = [
            "marketing", "service-client", "direction", "juridique", "rh", "informatique", "ventes", "achats",
        ]
        for department in departments { _ = try submit(.facilitator, .addDepartment(id: department, name: department)) }
        let people = (0..<240).map { (name: "p\($0)", department: departments[$0 % departments.count]) }
        for person in people {
            _ = try submit(.participant(person.name), .join(name: person.name, department: person.department))
        }
        var round = 0
        rounds: while state.eventCount < total - 1 {
            round += 1
            for stage in workshop.stages {
                if stage.id != state.currentStage {
                    guard try submit(.facilitator, .goTo(stage: stage.id)) else { break rounds }
                }
                switch stage.kind {
                case .rating:
                    let points = workshop.scale(of: stage)?.points ?? 0...4
                    for (index, person) in people.enumerated() {
                        for (offset, item) in stage.items.enumerated() {
                            let value = points.lowerBound + (index + round + offset) % points.count
                            guard
                                try submit(
                                    .participant(person.name), .rate(who: person.name, item: item.id, value: value))
                            else { break rounds }
                        }
                    }
                    for (index, department) in departments.enumerated() {
                        let value = points.lowerBound + (index + round) % points.count
                        guard try submit(.facilitator, .rate(who: department, item: stage.items[0].id, value: value))
                        else { break rounds }
                    }
                case .pick:
                    for (index, person) in people.enumerated() {
                        let option = stage.options[(index + round) % stage.options.count].id
                        guard try submit(.participant(person.name), .pick(who: person.name, option: option)) else {
                            break rounds
                        }
                    }
                case .strategy:
                    // Every strategy first: a department can only know one that is declared.
                    for department in departments {
                        guard try submit(.facilitator, .declareStrategy(department: department, text: "Plan \(round)"))
                        else { break rounds }
                    }
                    for (index, department) in departments.enumerated() {
                        let other = departments[(index + round) % departments.count]
                        if other != department, !state.knows(department, other) {
                            guard try submit(.facilitator, .knows(department: department, other: other)) else {
                                break rounds
                            }
                        }
                        if other != department, !state.shares(other, department) {
                            guard try submit(.facilitator, .shares(department: other, other: department)) else {
                                break rounds
                            }
                        }
                    }
                case .intro, .discussion:
                    guard try submit(.facilitator, .note(text: "Tour \(round) : on avance")) else { break rounds }
                }
            }
        }
        time += 250
        let ended = RecordedEvent(seq: state.lastSeq + 1, time: time, actor: .facilitator, event: .sessionEnded)
        state.apply(ended)
        try write(ended)
        try file.write(contentsOf: buffer)
        return state.eventCount
    }
}
