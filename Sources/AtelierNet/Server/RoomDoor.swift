import AtelierCore
import AtelierLive
import AtelierREPL

/// The room as another participant adapter (the browsers' side, AtelierWeb)
/// reaches it: the same seats, limits and refusals as the line protocol,
/// and the same path for each request (`LiveSession.submit`: decided,
/// stored, then acknowledged). Every sentence it gives is already rendered
/// in the reader's language.
public struct RoomDoor: Sendable {
    let room: Room
    let session: LiveSession
    let workshop: Workshop
    let confirmations: Confirmations
    let configuration: NetConfiguration

    /// The answer to `join` or `resume` through the door.
    public enum Admission: Sendable, Equatable {
        /// Seated, with the seat's token (given once: only its digest is kept).
        case seated(Seat, token: String)
        /// Refused, with the line protocol's sentence (a wrong code's
        /// penalty is already waited for).
        case refused(String)
    }

    /// The answer to a seated participant's request.
    public enum Reply: Sendable, Equatable {
        /// Accepted (and stored, for an answer): the confirmation.
        case ok(String)
        /// Lines to read (`stage`, `results`).
        case lines([String])
        /// Refused: nothing changed.
        case refused(String)
    }

    /// The session the room serves.
    public var live: LiveSession { session }

    public var limits: NetConfiguration { configuration }

    /// Takes a new link in; false when the room is full (the link was then
    /// closed with `.full` and the line protocol's sentence).
    public func admit(_ link: any RoomLink) async -> Bool { await room.admit(link) }

    /// The link is gone: its participant leaves (unless the seat moved).
    public func disconnected(_ link: any RoomLink) async { await room.disconnected(link) }

    public func join(code: String, name: String, department: String, locale: String, link: any RoomLink) async
        -> Admission
    {
        await admission(
            await room.join(code: code, name: name, department: department, locale: locale, connection: link),
            link: link)
    }

    public func resume(token: String, link: any RoomLink) async -> Admission {
        await admission(await room.resume(token: token, connection: link), link: link)
    }

    /// A seated link takes the room's pushes from now on (a page renders
    /// the room as it is when it asks, so it needs no opening lines).
    private func admission(_ admission: AtelierNet.Admission, link: any RoomLink) async -> Admission {
        switch admission {
        case .seated(let seat, let token):
            await room.open(link, first: [], stage: false)
            return .seated(seat, token: token)
        case .refused(let reason, let delay):
            if delay > .zero { await configuration.penaltySleep(delay) }
            return .refused(reason)
        }
    }

    /// `quit`: the participant leaves and the seat is given up.
    public func quit(_ link: any RoomLink) async { await room.quit(link) }

    public func setLocale(_ link: any RoomLink, _ locale: String) async { await room.setLocale(link, locale) }

    /// The seat a token opens, without taking it.
    public func seat(token: String) async -> Seat? { await room.seat(token: token) }

    public func code() async -> String { await room.code }

    /// The languages participants may choose, by code.
    public func catalogs() -> [String: Catalog] { room.catalogs }

    /// The facilitator's language.
    public func facilitator() -> Catalog { room.facilitator }

    public func defaultLocale() async -> String { await room.defaultLocale }

    /// A line for the facilitator's view of the room.
    public func notify(_ line: String) async { await room.notify(line) }

    /// Performs a seated participant's request as the line protocol does.
    /// `join`, `resume`, `locale`, `help` and `quit` are the adapter's own
    /// (they act on the link, not on the session): they give `.ok("")`.
    public func perform(_ request: ParticipantRequest, as seat: Seat, _ catalog: Catalog) async -> Reply {
        let action: Action
        switch request {
        case .rate(let who, let item, let value):
            action = .rate(who: who ?? seat.name, item: item, value: value)
        case .pick(let who, let option):
            action = .pick(who: who ?? seat.name, option: option)
        case .strategy(let text):
            action = .declareStrategy(department: seat.department, text: text)
        case .knows(let department, let other):
            action = .knows(department: department ?? seat.department, other: other)
        case .shares(let department, let other):
            action = .shares(department: department ?? seat.department, other: other)
        case .note(let text):
            action = .note(text: text)
        case .stage:
            return .lines(await room.stageLines(locale: catalog.language))
        case .results(let width):
            switch await room.results(locale: catalog.language, width: width) {
            case .success(let lines): return .lines(lines)
            case .failure(let refusal): return .refused(refusal.text)
            }
        case .whoami:
            return .ok(
                catalog.text(
                    "net.whoami",
                    [
                        "name": .text(Self.shown(seat.name, session.state, catalog)),
                        "department": .text(seat.department),
                        "language": .text(catalog.text("net.language_itself")),
                    ]))
        case .join, .resume, .locale, .help, .quit:
            return .ok("")
        }
        let command = Command(actor: .participant(seat.name), action: action, time: configuration.clock())
        switch await session.submit(command) {
        case .accepted(let events):
            return .ok(events.first.map { confirmations.line($0.event, workshop, catalog) } ?? "")
        case .refused(let error):
            return .refused(catalog.render(error.message))
        case .failed(let failure):
            await room.notStored(seat.name, failure)
            return .refused(catalog.text("net.store_failed"))
        }
    }

    /// A participant's name as the room shows it: in an anonymous session,
    /// the pseudonym in words ("marketing, participant 3").
    public static func shown(_ name: String, _ state: SessionState, _ catalog: Catalog) -> String {
        guard state.anonymous, let words = Pseudonym.described(name) else { return name }
        return catalog.render(words)
    }

    /// The push telling a participant just seated in an anonymous session
    /// the name the room knows them by (`anonymous marketing#3 — ...`); nil
    /// in any other session.
    public static func anonymousSeat(_ seat: Seat, _ state: SessionState, _ catalog: Catalog) -> String? {
        guard state.anonymous else { return nil }
        return "anonymous \(seat.name)" + StageText.separator
            + catalog.text("net.anonymous_seat", ["name": .text(shown(seat.name, state, catalog))])
    }

    /// The line protocol's sentence for a request that does not fit.
    public static func describe(_ problem: RequestProblem, _ catalog: Catalog) -> String {
        switch problem {
        case .unknownCommand(let verb):
            let arguments: [String: MessageValue] = ["command": .text(verb), "known": .list(RequestParser.commands)]
            guard let suggestion = Suggestion.closest(to: verb, among: RequestParser.commands) else {
                return catalog.text("net.unknown_command", arguments)
            }
            return catalog.text(
                "net.unknown_command_suggest", arguments.merging(["suggestion": .text(suggestion)]) { $1 })
        case .facilitatorOnly(let verb):
            return catalog.render(DomainError.facilitatorOnly(command: verb).message)
        case .usage(let verb):
            return catalog.text("net.usage", ["usage": .text(catalog.text("net.help.\(verb)"))])
        case .notANumber(let text):
            return catalog.text("net.not_a_number", ["value": .text(text)])
        case .tokens(let failure):
            return catalog.render(failure.message)
        case .nameWithSpaces(let example):
            return catalog.text("repl.error.name_with_spaces", ["example": .text(example)])
        }
    }
}
