import AtelierCore
import AtelierLive
import AtelierNet
import Foundation
import Logging
import Synchronization

/// A live coping-patterns session with two departments (marketing, legal),
/// served to participants on 127.0.0.1 at a port the system chooses.
struct TestRoom {
    static let code = "ABC234"

    let session: LiveSession
    let journal: MemoryJournal
    let server: ParticipantServer
    let port: Int

    static func start(
        _ configure: (inout NetConfiguration) -> Void = { _ in }, departments: [String] = ["marketing", "legal"],
        logger: Logger = Logger(label: "atelier.net.test") { _ in SwiftLogNoOpLogHandler() }
    ) async throws -> TestRoom {
        let journal = MemoryJournal()
        let state = SessionState(id: "test", workshop: try Repository.workshop("coping-patterns"), locale: "en")
        let session = LiveSession(state: state, journal: journal)
        for department in departments {
            _ = await session.submit(
                Command(actor: .facilitator, action: .addDepartment(id: department, name: department), time: 0))
        }
        var configuration = NetConfiguration(code: code)
        configure(&configuration)
        let catalogs = try Repository.catalogs()
        let server = try ParticipantServer(
            session: session, catalogs: catalogs, facilitator: catalogs["en"]!, configuration: configuration,
            logger: logger)
        let port = try await server.start()
        return TestRoom(session: session, journal: journal, server: server, port: port)
    }

    @discardableResult
    func facilitator(_ action: Action) async -> Outcome {
        await session.submit(Command(actor: .facilitator, action: action, time: 1))
    }

    func goTo(_ stage: String) async {
        await facilitator(.goTo(stage: stage))
    }

    func client(reading: Bool = true, receiveBuffer: Int? = nil) async throws -> TestClient {
        let client = try await TestClient.connect(port: port, reading: reading, receiveBuffer: receiveBuffer)
        if reading { _ = try await client.waitFor { $0.hasPrefix("* welcome") } }
        return client
    }

    /// A client that joined; returns it with its token.
    func joined(_ name: String, _ department: String, locale: String = "en", receiveBuffer: Int? = nil)
        async throws -> (TestClient, String)
    {
        let client = try await client(receiveBuffer: receiveBuffer)
        let reply = try await client.ask("join \(Self.code) \(name) \(department) \(locale)")
        guard reply.hasPrefix("ok "), reply.count == 35 else { throw Unexpected(line: reply) }
        return (client, String(reply.dropFirst(3)))
    }

    var events: [RecordedEvent] { journal.events(session: "test") }

    func stop() async { await server.stop() }

    struct Unexpected: Error { let line: String }
}

/// The repository's workshop and locale files.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func workshop(_ id: String) throws -> Workshop {
        let text = try String(contentsOf: root.appendingPathComponent("workshops/\(id).yaml"), encoding: .utf8)
        guard let workshop = WorkshopParser.parse(text).workshop else { throw Invalid(file: id) }
        return workshop
    }

    static func catalogs() throws -> [String: Catalog] {
        var catalogs: [String: Catalog] = [:]
        for language in ["en", "fr"] {
            let text = try String(contentsOf: root.appendingPathComponent("locales/\(language).yaml"), encoding: .utf8)
            guard let catalog = CatalogParser.parse(text).catalog else { throw Invalid(file: language) }
            catalogs[language] = catalog
        }
        return catalogs
    }

    struct Invalid: Error { let file: String }
}

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let now = Mutex<Int64>(1_000_000)
    func read() -> Int64 { now.withLock { $0 } }
    func advance(milliseconds: Int64) { now.withLock { $0 += milliseconds } }
}

/// Records the delays the server asks for instead of waiting them.
final class DelayRecorder: Sendable {
    private let delays = Mutex<[Duration]>([])
    func record(_ delay: Duration) { delays.withLock { $0.append(delay) } }
    var recorded: [Duration] { delays.withLock { $0 } }
}

/// Keeps what is logged, to check that incidents are.
final class LogRecorder: Sendable {
    struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let fields = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            recorder.entries.withLock { $0.append("\(event.level) \(event.message) \(fields.joined(separator: " "))") }
        }
    }

    let entries = Mutex<[String]>([])

    var logger: Logger { Logger(label: "atelier.net.test") { _ in Handler(recorder: self) } }
    var recorded: [String] { entries.withLock { $0 } }
}
