import AtelierCore
import AtelierLive
import AtelierStore

/// A short session scripted through the core and stored: two departments, a
/// participant, a stage change, two ratings, a note, the end.
/// Its recording has 10 lines: the header, then seq 1...9 on lines 2...10.
enum ScriptedSession {
    static let id = "atelier-demo"
    static let start: Timestamp = 1_714_550_400_000

    static let commands: [Command] = [
        Command(actor: .facilitator, action: .addDepartment(id: "marketing", name: "Marketing"), time: start + 1_000),
        Command(
            actor: .facilitator, action: .addDepartment(id: "rh", name: "Ressources humaines"), time: start + 2_000),
        Command(actor: .participant("ana"), action: .join(name: "ana", department: "marketing"), time: start + 3_000),
        Command(actor: .facilitator, action: .next, time: start + 4_000),
        Command(actor: .participant("ana"), action: .rate(who: "ana", item: nil, value: 3), time: start + 5_000),
        Command(actor: .facilitator, action: .rate(who: "rh", item: "ignore", value: 1), time: start + 6_000),
        Command(actor: .facilitator, action: .note(text: "RH lit les avis / Glassdoor"), time: start + 7_000),
        Command(actor: .facilitator, action: .end, time: start + 8_000),
    ]

    /// Runs the script through a live session on `store`; returns the final state.
    static func run(on store: SessionStore) async throws -> SessionState {
        let state = try store.create(id: id, workshop: TestSupport.copingPatterns, locale: "fr", time: start)
        let live = LiveSession(state: state, journal: store)
        for command in commands {
            guard case .accepted = await live.submit(command) else { throw ScriptError.refused(command) }
        }
        return live.state
    }

    static func recording() async throws -> String {
        let store = try TestSupport.store()
        _ = try await run(on: store)
        return try store.exportRecording(id: id)
    }

    enum ScriptError: Error { case refused(Command) }
}
