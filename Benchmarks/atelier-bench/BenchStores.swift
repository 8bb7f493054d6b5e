import AtelierCore
import AtelierLive
import AtelierPostgres
import AtelierStore
import Foundation

/// The store a benchmark writes or reads: an SQLite path, or a
/// `postgres://...` address (an empty database for `import`).
enum BenchStores {
    static func open(_ value: String) throws -> any JournalStore {
        if PostgresAddress.names(value) { return try PostgresStore(address: PostgresAddress(value)) }
        return try SessionStore(path: value)
    }

    /// `atelier-bench store --phase append [--store S] [--writers W] [--answers A]`: W tasks (default 64)
    /// each submit A ratings (default 200), one at a time, through one `LiveSession` (group commit)
    /// into a new session of the store; prints acknowledged answers a second and the commits it took.
    static func append(store value: String, writers: Int, answers: Int) async throws {
        let text = try String(contentsOfFile: "workshops/coping-patterns.yaml", encoding: .utf8)
        guard let workshop = WorkshopParser.parse(text).workshop else { throw StoreBench.BenchError.failed("workshop") }
        let store = try open(value)
        let id = "append-\(UInt32.random(in: 0...UInt32.max))"
        var state = try store.create(id: id, workshop: workshop, locale: "en", time: 0, actor: .facilitator)
        let setup: [Command] =
            [Command(actor: .facilitator, action: .addDepartment(id: "marketing", name: "Marketing"), time: 1)]
            + (0..<writers).map {
                Command(actor: .participant("p\($0)"), action: .join(name: "p\($0)", department: "marketing"), time: 2)
            }
            + [Command(actor: .facilitator, action: .goTo(stage: "brakes"), time: 3)]
        for command in setup {
            let events = try state.decide(command).map {
                PendingEvent(time: command.time, actor: command.actor, event: $0)
            }
            for event in try store.append(
                session: id, after: state.lastSeq, events, reaching: state.summary(after: events))
            {
                state.apply(event)
            }
        }
        let live = LiveSession(state: state, journal: store)
        let commits = Counter()
        let follower = Task {
            for await writes in await live.events() { commits.add(writes.isEmpty ? 0 : 1) }
        }
        let items = ["control", "understanding", "strategy"]
        let start = DispatchTime.now().uptimeNanoseconds
        let acknowledged = await withTaskGroup(of: Int.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    var done = 0
                    for answer in 0..<answers {
                        let command = Command(
                            actor: .participant("p\(writer)"),
                            action: .rate(who: "p\(writer)", item: items[answer % 3], value: answer % 5), time: 10)
                        if case .accepted = await live.submit(command) { done += 1 }
                    }
                    return done
                }
            }
            return await group.reduce(0, +)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        follower.cancel()
        let stored = try store.load(id: id).eventCount - state.eventCount
        print(
            String(
                format:
                    "append %@: %d writers, %d answers acknowledged (%d stored) in %.2f s: %.0f answers/s, %d commits (%.1f answers a commit)",
                store.location, writers, acknowledged, stored, seconds, Double(acknowledged) / seconds, commits.value,
                Double(acknowledged) / Double(max(commits.value, 1))))
    }
}

/// A count shared by tasks.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add(_ value: Int) { lock.withLock { count += value } }
    var value: Int { lock.withLock { count } }
}
