import AtelierCore
import AtelierLive
import AtelierNet
import AtelierWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOPosix
import Synchronization

/// A live coping-patterns session with two departments (marketing, legal),
/// served on 127.0.0.1 to terminals (line protocol) and browsers (HTTP and
/// WebSocket) at ports the system chooses: one room for both.
struct WebTestRoom {
    static let code = "ABC234"
    static let screenKey = "0123456789abcdef0123456789abcdef"

    let session: LiveSession
    let journal: MemoryJournal
    let server: ParticipantServer
    let web: WebServer
    let port: Int
    let webPort: Int

    static func start(
        _ configure: (inout NetConfiguration) -> Void = { _ in },
        web configureWeb: (inout WebConfiguration) -> Void = { _ in }
    ) async throws -> WebTestRoom {
        let journal = MemoryJournal()
        let state = SessionState(id: "test", workshop: try Repository.workshop("coping-patterns"), locale: "en")
        let session = LiveSession(state: state, journal: journal)
        for department in ["marketing", "legal"] {
            _ = await session.submit(
                Command(actor: .facilitator, action: .addDepartment(id: department, name: department), time: 0))
        }
        var configuration = NetConfiguration(code: code)
        configure(&configuration)
        let catalogs = try Repository.catalogs()
        let quiet = Logger(label: "atelier.web.test") { _ in SwiftLogNoOpLogHandler() }
        let server = try ParticipantServer(
            session: session, catalogs: catalogs, facilitator: catalogs["en"]!, configuration: configuration,
            logger: quiet)
        let port = try await server.start()
        var webConfiguration = WebConfiguration(host: "127.0.0.1", port: 0, screenKey: screenKey)
        configureWeb(&webConfiguration)
        let web = WebServer(configuration: webConfiguration, logger: quiet)
        guard let door = server.door else { throw Missing(what: "door") }
        _ = try await web.start(door: door, catalog: catalogs["en"]!)
        guard let webPort = web.port else { throw Missing(what: "web port") }
        return WebTestRoom(session: session, journal: journal, server: server, web: web, port: port, webPort: webPort)
    }

    var authority: String { "127.0.0.1:\(webPort)" }
    var origin: String { "http://" + authority }

    @discardableResult
    func facilitator(_ action: Action) async -> Outcome {
        await session.submit(Command(actor: .facilitator, action: action, time: 1))
    }

    var events: [RecordedEvent] { journal.events(session: "test") }

    func stop() async {
        await web.stop()
        await server.stop()
    }

    /// A browser: its own HTTP connection, its cookie jar of one cookie.
    func browser() async throws -> Browser {
        let client = TestClient(host: "127.0.0.1", port: webPort, configuration: .init(timeout: .seconds(10)))
        client.connect()
        return Browser(client: client, room: self)
    }

    struct Missing: Error { let what: String }
}

/// One browser over a real HTTP/1.1 connection to 127.0.0.1: it sends the
/// page's Origin and its seat cookie unless told otherwise.
final class Browser: Sendable {
    let client: TestClient
    let room: WebTestRoom
    private let jar = Mutex<String?>(nil)

    init(client: TestClient, room: WebTestRoom) {
        self.client = client
        self.room = room
    }

    var token: String? { jar.withLock { $0 } }

    func setToken(_ token: String?) { jar.withLock { $0 = token } }

    /// A `Set-Cookie` line: its attributes in any order (HTTP does not order them).
    struct Cookie: Equatable {
        let name: String
        let value: String
        let attributes: Set<String>

        init(name: String, value: String, attributes: Set<String>) {
            self.name = name
            self.value = value
            self.attributes = attributes
        }

        init(_ line: String) {
            let parts = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let pair = parts.first?.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false) ?? []
            name = pair.first.map(String.init) ?? ""
            value = pair.dropFirst().first.map(String.init) ?? ""
            attributes = Set(parts.dropFirst())
        }
    }

    struct Page {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
        /// Every `Set-Cookie` line.
        var cookies: [String] { headers[values: .setCookie] }
    }

    func get(_ path: String, headers extra: HTTPFields = [:]) async throws -> Page {
        try await send(.get, path, body: nil, origin: nil, headers: extra)
    }

    /// Posts a form; `origin` nil sends none, the default is the page's.
    func post(_ path: String, _ fields: [(String, String)], origin: String?? = .none, headers extra: HTTPFields = [:])
        async throws -> Page
    {
        let body = fields.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
        return try await post(path, raw: body, origin: origin ?? room.origin, headers: extra)
    }

    func post(_ path: String, raw body: String, origin: String?, headers extra: HTTPFields = [:]) async throws -> Page {
        var headers = extra
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await send(.post, path, body: ByteBuffer(string: body), origin: origin, headers: headers)
    }

    private func send(
        _ method: HTTPRequest.Method, _ path: String, body: ByteBuffer?, origin: String?, headers extra: HTTPFields
    ) async throws -> Page {
        var headers = extra
        if let origin { headers[.origin] = origin }
        if let token, headers[.cookie] == nil { headers[.cookie] = "atelier_seat=" + token }
        let response = try await client.execute(
            .init(path, method: method, authority: room.authority, headers: headers, body: body))
        let page = Page(
            status: response.status, headers: response.headers,
            body: response.body.map { String(buffer: $0) } ?? "")
        for cookie in page.cookies where cookie.hasPrefix("atelier_seat=") {
            let value = cookie.dropFirst("atelier_seat=".count).prefix { $0 != ";" }
            setToken(value.isEmpty ? nil : String(value))
        }
        return page
    }

    /// Joins with the join form; the page after the redirect.
    func join(_ name: String, _ department: String, code: String = WebTestRoom.code, lang: String = "en")
        async throws -> Page
    {
        try await post("/join", [("code", code), ("name", name), ("department", department), ("lang", lang)])
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    func close() async { try? await client.shutdown() }
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
