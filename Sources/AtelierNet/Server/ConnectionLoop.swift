import AtelierCore
import AtelierLive
import NIOCore

/// One connection's conversation: it reads the framed lines, applies the
/// per-connection limits, and answers each request with exactly one final
/// line (`ok ...` or `error ...`), after `- ` body lines when there are some.
final class ConnectionLoop {
    let connection: Connection
    let room: Room
    let session: LiveSession
    let workshop: Workshop
    let catalogs: [String: Catalog]
    let configuration: NetConfiguration
    let confirmations: Confirmations
    private var catalog: Catalog
    private var seat: Seat?
    private var bucket: TokenBucket
    private var tooLongLines = 0
    private var floodRefusals = 0

    init(
        connection: Connection, room: Room, session: LiveSession, workshop: Workshop, catalogs: [String: Catalog],
        confirmations: Confirmations, catalog: Catalog, configuration: NetConfiguration
    ) {
        self.connection = connection
        self.room = room
        self.session = session
        self.workshop = workshop
        self.catalogs = catalogs
        self.confirmations = confirmations
        self.catalog = catalog
        self.configuration = configuration
        self.bucket = TokenBucket(capacity: configuration.floodBurst, perSecond: configuration.floodPerSecond)
    }

    func run(_ inbound: NIOAsyncChannelInboundStream<InboundLine>) async {
        do {
            for try await frame in inbound {
                guard !connection.isClosing else { continue }
                guard await handle(frame) else { return }
            }
        } catch {
            // The peer reset the connection: the caller cleans up.
        }
    }

    /// Handles one frame; false when the connection is to close.
    private func handle(_ frame: InboundLine) async -> Bool {
        let limits = configuration.lineLimits
        switch frame {
        case .unterminated:
            await close(
                "net.unterminated", ["max": .count(limits.maxUnterminatedBytes)], reason: "net.reason.unterminated")
            return false
        case .tooLong:
            tooLongLines += 1
            guard tooLongLines < limits.maxTooLongLines else {
                await close("net.too_long_closed", ["max": .count(limits.maxLineBytes)], reason: "net.reason.too_long")
                return false
            }
            reply(error: catalog.text("net.too_long", ["max": .count(limits.maxLineBytes)]))
            return true
        case .notText, .line:
            let reading = Reading(frame)
            guard bucket.take(at: configuration.clock()) else {
                floodRefusals += 1
                guard floodRefusals < configuration.floodRefusalsBeforeClose else {
                    await close("net.flood_closed", [:], reason: "net.reason.flood")
                    return false
                }
                if reading != .blank {
                    reply(
                        error: catalog.text(
                            "net.flood",
                            ["count": .count(configuration.floodBurst), "rate": .count(configuration.floodPerSecond)]))
                }
                return true
            }
            floodRefusals = 0
            switch reading {
            case .blank:
                return true
            case .notText:
                reply(error: catalog.text("net.not_text"))
                return true
            case .request(.failure(let problem)):
                reply(error: describe(problem))
                return true
            case .request(.success(let request)):
                return await perform(request)
            }
        }
    }

    /// What a framed line says; a blank line gets no reply, not even a refusal.
    private enum Reading: Equatable {
        case blank
        case notText
        case request(Result<ParticipantRequest, RequestProblem>)

        init(_ frame: InboundLine) {
            guard case .line(let text) = frame else {
                self = .notText
                return
            }
            self = RequestParser.parse(text).map(Reading.request) ?? .blank
        }
    }

    private func perform(_ request: ParticipantRequest) async -> Bool {
        switch request {
        case .help:
            reply(body: StageText.help(catalog), ok: "")
        case .quit:
            await room.quit(connection)
            connection.close(after: ["ok " + catalog.text("net.bye")], grace: configuration.closeGrace)
            return false
        case .locale(let language):
            guard let chosen = catalogs[language] else { return refuseLocale(language) }
            catalog = chosen
            await room.setLocale(connection, language)
            reply(ok: catalog.text("net.locale_set", ["language": .text(chosen.text("net.language_itself"))]))
        case .join(let code, let name, let department, let language):
            guard seat == nil else { return alreadySeated() }
            let locale = language?.lowercased() ?? catalog.language
            guard catalogs[locale] != nil else {
                // `join CODE Frank Z it`: more likely a name with a space than a language.
                guard let language, !name.contains(" ") else { return refuseLocale(locale) }
                let example = RequestParser.spacedJoin(code: code, words: [name, department, language], keeping: 1)
                reply(
                    error: catalog.text(
                        "net.join_spaced_name",
                        [
                            "language": .text(language), "known": .list(catalogs.keys.sorted()),
                            "example": .text(example),
                        ]))
                return true
            }
            let admission = await room.join(
                code: code, name: name, department: department, locale: locale, connection: connection)
            await admit(admission)
        case .resume(let token):
            guard seat == nil else { return alreadySeated() }
            await admit(await room.resume(token: token, connection: connection))
        default:
            guard let seat else {
                reply(error: catalog.text("net.join_first"))
                return true
            }
            await answer(request, as: seat)
        }
        return true
    }

    private func admit(_ admission: Admission) async {
        switch admission {
        case .seated(let seat, let token):
            self.seat = seat
            catalog = catalogs[seat.locale] ?? catalog
            connection.markSeated()
            // The reply, the anonymous seat's line and the stage go out in one
            // turn of the room: no push can come between them or before them.
            let told = RoomDoor.anonymousSeat(seat, session.state, catalog).map { ["* " + $0] } ?? []
            await room.open(connection, first: ["ok " + token] + told, stage: true)
        case .refused(let reason, let delay):
            if delay > .zero { await configuration.penaltySleep(delay) }
            reply(error: reason)
        }
    }

    private func answer(_ request: ParticipantRequest, as seat: Seat) async {
        let door = RoomDoor(
            room: room, session: session, workshop: workshop, confirmations: confirmations,
            configuration: configuration)
        switch await door.perform(request, as: seat, catalog) {
        case .ok(let text): reply(ok: text)
        case .lines(let lines): reply(body: lines, ok: "")
        case .refused(let text): reply(error: text)
        }
    }

    private func describe(_ problem: RequestProblem) -> String { RoomDoor.describe(problem, catalog) }

    private func refuseLocale(_ language: String) -> Bool {
        reply(
            error: catalog.text(
                "net.unknown_locale", ["language": .text(language), "known": .list(catalogs.keys.sorted())]))
        return true
    }

    private func alreadySeated() -> Bool {
        reply(error: catalog.text("net.already_joined", ["name": .text(seat?.name ?? "")]))
        return true
    }

    // MARK: - Writing

    private func reply(ok text: String) {
        deliver([text.isEmpty ? "ok" : "ok " + text])
    }

    private func reply(error text: String) {
        deliver(["error " + text])
    }

    private func reply(body: [String], ok text: String) {
        deliver(body.map { "- " + $0 } + [text.isEmpty ? "ok" : "ok " + text])
    }

    /// A client too far behind in reading its replies is dropped, and that is an incident.
    private func deliver(_ lines: [String]) {
        guard !connection.deliver(lines), !connection.isClosing else { return }
        connection.drop()
        let (room, connection, who) = (room, connection, seat?.name ?? connection.address)
        Task { await room.droppedForNotReading(connection, who: who) }
    }

    /// Closes the connection after one last error line, and tells the facilitator.
    private func close(_ key: String, _ args: [String: MessageValue], reason: String) async {
        connection.close(after: ["error " + catalog.text(key, args)], grace: configuration.closeGrace)
        await room.closed(who: seat?.name ?? connection.address, address: connection.address, key: key, reason: reason)
    }
}
