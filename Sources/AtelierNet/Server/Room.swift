import AtelierCore
import AtelierLive
import Dispatch
import Logging

/// The participants' side of a live session: who is connected, under which
/// seat and language, the join code and its locks. It mirrors the session
/// state from `LiveSession.events()` and pushes what changed to everyone,
/// without ever waiting on one connection (each has a bounded outbox).
actor Room {
    struct Member {
        let connection: Connection
        var locale: String
        var seat: Seat?
        /// Dropped for not reading; gone as soon as its connection closes.
        var dropped = false
    }

    let session: LiveSession
    let catalogs: [String: Catalog]
    let facilitator: Catalog
    let configuration: NetConfiguration
    let logger: Logger
    /// Keeps the seats durably (nil: in memory only), on a queue of its own.
    private let keeper: (any SeatKeeper)?
    private let keeping = DispatchQueue(label: "atelier.seats")

    private(set) var mirror: SessionState
    /// Who of those present answered the current stage, for the facilitator's feed.
    private var tally: FeedText.Tally
    private(set) var code: String
    private(set) var joinsLocked = false

    private var members: [ObjectIdentifier: Member] = [:]
    private var seats: [String: Seat] = [:]
    private var tokens: [String: String] = [:]
    /// The connection currently speaking for each seated name.
    private var holders: [String: ObjectIdentifier] = [:]
    /// A `leave` on its way to the session, which a `resume` waits for.
    private var leaving: [String: Task<Void, Never>] = [:]
    private var failures: [String: Int] = [:]
    /// Connections refused since the room was last able to take one.
    private var turnedAway = 0
    private var feeds: [Int: AsyncStream<FeedLine>.Continuation] = [:]
    private var nextFeed = 0
    private var timerTask: Task<Void, Never>?

    init(
        session: LiveSession, state: SessionState, catalogs: [String: Catalog], facilitator: Catalog, code: String,
        configuration: NetConfiguration, logger: Logger, keeper: (any SeatKeeper)? = nil, seats saved: [Seat] = []
    ) {
        self.keeper = keeper
        for seat in saved {
            seats[seat.token] = seat
            tokens[seat.name] = seat.token
        }
        self.session = session
        self.mirror = state
        self.tally = FeedText.Tally(state)
        self.catalogs = catalogs
        self.facilitator = facilitator
        self.code = code
        self.configuration = configuration
        self.logger = logger
    }

    var languages: [String] { catalogs.keys.sorted() }

    var defaultLocale: String { catalogs[mirror.locale] != nil ? mirror.locale : facilitator.language }

    func catalog(_ locale: String) -> Catalog { catalogs[locale] ?? facilitator }

    // MARK: - Connections

    /// Takes a new connection in, or refuses it when the room is full.
    func admit(_ connection: Connection) -> Bool {
        let catalog = catalog(defaultLocale)
        guard members.count < configuration.maxParticipants else {
            connection.close(
                after: ["error " + catalog.text("net.full", ["max": .count(configuration.maxParticipants)])],
                grace: configuration.closeGrace)
            logger.notice("connection refused: room full", metadata: ["address": "\(connection.address)"])
            turnedAway += 1
            // Once per full spell, not once per knock: a client retrying must not flood the screen.
            if turnedAway == 1 {
                notify(
                    facilitator.text(
                        "net.feed.full",
                        ["max": .count(configuration.maxParticipants), "address": .text(connection.address)]))
            }
            return false
        }
        if turnedAway > 1 {
            notify(facilitator.text("net.feed.full_over", ["count": .count(turnedAway)]))
        }
        turnedAway = 0
        members[connection.id] = Member(connection: connection, locale: defaultLocale)
        _ = connection.deliver(["* " + StageText.welcome(catalog, languages: languages)])
        return true
    }

    /// The connection is gone: its participant leaves, unless the seat has
    /// moved to another connection (resume) or was taken away (kick).
    func disconnected(_ connection: Connection) async {
        guard let member = members.removeValue(forKey: connection.id), let seat = member.seat,
            holders[seat.name] == connection.id
        else { return }
        holders[seat.name] = nil
        let command = leave(seat.name)
        let session = session
        let task = Task { _ = await session.submit(command) }
        leaving[seat.name] = task
        await task.value
        if leaving[seat.name] == task { leaving[seat.name] = nil }
    }

    func setLocale(_ connection: Connection, _ locale: String) async {
        members[connection.id]?.locale = locale
        if let token = members[connection.id]?.seat?.token {
            members[connection.id]?.seat?.locale = locale
            seats[token]?.locale = locale
            if let seat = seats[token] { await keep { try $0.save(seat) } }
        }
    }

    /// Runs a change of the kept seats off the actor's thread; a failure is
    /// logged (the seat still works until the facilitator's atelier stops).
    private func keep(_ change: @escaping @Sendable (any SeatKeeper) throws -> Void) async {
        guard let keeper else { return }
        let logger = logger
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            keeping.async {
                do {
                    try change(keeper)
                } catch {
                    logger.error("seat not kept", metadata: ["reason": "\(error)"])
                }
                done.resume()
            }
        }
    }

    /// Closes every connection, telling participants the session is over,
    /// or paused when it was not ended (it may be resumed).
    func closeAll() {
        for member in members.values {
            let catalog = catalog(member.locale)
            let line = mirror.isEnded ? StageText.ended(catalog) : StageText.paused(catalog)
            member.connection.close(after: ["* " + line], grace: configuration.closeGrace)
        }
    }

    /// Those the session still shows as present whom no connection speaks
    /// for (their seats came from the store, and they did not resume) are
    /// recorded as having left; their seats stay, so `resume` still works.
    func releaseUnclaimed() async {
        let state = session.state
        for name in tokens.keys.sorted()
        where holders[name] == nil && leaving[name] == nil && state.participants[name]?.present == true {
            _ = await session.submit(leave(name))
        }
    }

    /// `quit`: the participant leaves and their name is free again (they
    /// come back with `join`, under a new token).
    func quit(_ connection: Connection) async {
        guard let seat = members[connection.id]?.seat, holders[seat.name] == connection.id else { return }
        members[connection.id]?.seat = nil
        holders[seat.name] = nil
        tokens[seat.name] = nil
        seats[seat.token] = nil
        await keep { try $0.remove(name: seat.name) }
        _ = await session.submit(leave(seat.name))
    }

    /// The participant's own `leave`, as their connection's end records it.
    private func leave(_ name: String) -> Command {
        Command(actor: .participant(name), action: .leave(name: name), time: configuration.clock())
    }

    // MARK: - Join and resume

    func join(code typed: String, name: String, department: String, locale: String, connection: Connection) async
        -> Admission
    {
        let catalog = catalog(locale)
        guard !joinsLocked else { return .refused(catalog.text("net.joins_locked"), delay: .zero) }
        guard JoinCode.normalized(typed) == code else {
            let delay = failure(from: connection.address, kind: "code")
            return .refused(catalog.text("net.wrong_code"), delay: delay)
        }
        guard tokens[name] == nil else {
            return .refused(catalog.text("net.name_reserved", ["name": .text(name)]), delay: .zero)
        }
        let command = Command(
            actor: .participant(name), action: .join(name: name, department: department), time: configuration.clock())
        switch await session.submit(command) {
        case .accepted(let events):
            // The department as the session recorded it (`Marketing` typed joins `marketing`).
            var joined = department
            if case .participantJoined(_, let id)? = events.first?.event { joined = id }
            let seat = Seat(name: name, department: joined, token: SessionToken.random(), locale: locale)
            seats[seat.token] = seat
            tokens[name] = seat.token
            holders[name] = connection.id
            members[connection.id]?.seat = seat
            members[connection.id]?.locale = locale
            await keep { try $0.save(seat) }
            return .seated(seat)
        case .refused(let error):
            return .refused(catalog.render(error.message), delay: .zero)
        case .failed(let reason):
            logger.error("join not stored", metadata: ["name": "\(name)", "reason": "\(reason)"])
            return .refused(catalog.text("net.store_failed"), delay: .zero)
        }
    }

    func resume(token typed: String, connection: Connection) async -> Admission {
        let catalog = catalog(members[connection.id]?.locale ?? defaultLocale)
        let token = typed.lowercased()
        guard let seat = seats[token] else {
            let delay = failure(from: connection.address, kind: "token")
            return .refused(catalog.text("net.unknown_token"), delay: delay)
        }
        if let pending = leaving[seat.name] { await pending.value }
        guard seats[token] != nil, members[connection.id] != nil else {
            return .refused(catalog.text("net.unknown_token"), delay: .zero)
        }
        if let old = holders[seat.name], old != connection.id, let member = members[old] {
            // The old connection is probably half-dead: the seat moves here.
            members[old]?.seat = nil
            holders[seat.name] = connection.id
            members[connection.id]?.seat = seat
            members[connection.id]?.locale = seat.locale
            member.connection.close(
                after: ["* " + StageText.replaced(self.catalog(member.locale))], grace: configuration.closeGrace)
            return .seated(seat)
        }
        holders[seat.name] = connection.id
        members[connection.id]?.seat = seat
        members[connection.id]?.locale = seat.locale
        // Still present: the facilitator's atelier was restarted while the
        // participant was in, and no leave was recorded. (Asks the session,
        // not the mirror, which may not have followed a leave just stored.)
        if session.state.participants[seat.name]?.present == true { return .seated(seat) }
        let command = Command(
            actor: .participant(seat.name), action: .join(name: seat.name, department: seat.department),
            time: configuration.clock())
        let outcome = await session.submit(command)
        if case .accepted = outcome { return .seated(seat) }
        if holders[seat.name] == connection.id { holders[seat.name] = nil }
        members[connection.id]?.seat = nil
        switch outcome {
        case .refused(let error): return .refused(catalog.render(error.message), delay: .zero)
        default: return .refused(catalog.text("net.store_failed"), delay: .zero)
        }
    }

    /// Counts a wrong code or token from an address, logs it, and tells how
    /// long to hold the reply back.
    private func failure(from address: String, kind: String) -> Duration {
        let count = (failures[address] ?? 0) + 1
        failures[address] = count
        logger.warning("wrong join \(kind)", metadata: ["address": "\(address)", "failures": "\(count)"])
        notify(facilitator.text("net.feed.wrong_\(kind)", ["address": .text(address), "count": .count(count)]))
        return configuration.penalty.delay(failures: count)
    }

    // MARK: - The facilitator's commands

    func newCode() -> String {
        code = JoinCode.random()
        return code
    }

    func setJoinsLocked(_ locked: Bool) -> String {
        joinsLocked = locked
        return facilitator.text(locked ? "net.joins_now_locked" : "net.joins_now_open")
    }

    /// Closes a participant's connection and revokes their token.
    func kick(_ name: String) async -> (done: Bool, text: String) {
        guard let token = tokens.removeValue(forKey: name) else {
            let known = tokens.keys.sorted()
            return (
                false,
                facilitator.text(
                    "net.kick_unknown",
                    [
                        "name": .text(name),
                        "known": known.isEmpty ? .message(LocalizedMessage("common.none")) : .list(known),
                    ])
            )
        }
        seats[token] = nil
        await keep { try $0.remove(name: name) }
        var connected = false
        if let holder = holders.removeValue(forKey: name), let member = members[holder] {
            members[holder]?.seat = nil
            member.connection.close(
                after: ["* " + StageText.kicked(catalog(member.locale))], grace: configuration.closeGrace)
            connected = true
        }
        // Connected, or still in without a connection (after a restart,
        // nobody holds the seat): leaves, so the name can join again.
        let present = session.state.participants[name]?.present == true
        if connected || present {
            let command = Command(actor: .facilitator, action: .leave(name: name), time: configuration.clock())
            _ = await session.submit(command)
        }
        logger.notice("participant kicked", metadata: ["name": "\(name)"])
        return (true, facilitator.text("net.kicked", ["name": .text(name)]))
    }

    // MARK: - What participants read

    func stageLines(locale: String) -> [String] {
        StageText.stage(mirror, catalog(locale))
    }

    /// The results of the current stage, or why there are none to show.
    func results(locale: String) -> Result<[String], RoomRefusal> {
        let catalog = catalog(locale)
        guard let stage = mirror.stage else { return .failure(RoomRefusal(catalog.text("net.no_results"))) }
        guard mirror.revealed.contains(stage.id) else {
            return .failure(RoomRefusal(catalog.text("net.not_revealed", ["stage": .text(stage.id)])))
        }
        let lines = StageText.results(mirror, catalog)
        guard !lines.isEmpty else {
            let takesNotes = stage.kind == .intro || stage.kind == .discussion
            return .failure(
                RoomRefusal(
                    takesNotes
                        ? catalog.text("net.no_notes", ["stage": .text(stage.id)]) : catalog.text("net.no_results")))
        }
        return .success(lines)
    }

    // MARK: - Following the session

    /// Applies a batch of accepted events and pushes what changed.
    func absorb(_ batch: [RecordedEvent]) {
        let fresh = batch.filter { $0.seq > mirror.lastSeq }
        guard !fresh.isEmpty else { return }
        let before = PushText.Snapshot(mirror)
        let counted = tally.count(mirror)
        for event in fresh { mirror.apply(event) }
        tally.update(fresh, mirror)
        let after = PushText.Snapshot(mirror)
        if after != before {
            broadcast { PushText.changes(from: before, to: self.mirror, $0) }
            if let timer = after.timer, timer != before.timer { schedule(timer) }
        }
        if !feeds.isEmpty, let line = FeedText.answeredLine(before: counted, after: tally.count(mirror), facilitator) {
            notify(line)
        }
        if after.ended, !before.ended {
            timerTask?.cancel()
            for member in members.values { member.connection.close(after: [], grace: configuration.closeGrace) }
        }
    }

    /// Sends each joined participant the lines `render` gives in their language.
    private func broadcast(_ render: (Catalog) -> [String]) {
        var rendered: [String: [String]] = [:]
        for (id, member) in members where member.seat != nil && !member.dropped {
            let lines: [String]
            if let done = rendered[member.locale] {
                lines = done
            } else {
                lines = render(catalog(member.locale)).map { "* " + $0 }
                rendered[member.locale] = lines
            }
            guard !lines.isEmpty else { continue }
            if !member.connection.deliver(lines) { dropSlow(id, member) }
        }
    }

    private func dropSlow(_ id: ObjectIdentifier, _ member: Member) {
        members[id]?.dropped = true
        member.connection.drop()
        let who = member.seat?.name ?? member.connection.address
        logger.warning("slow client dropped", metadata: ["who": "\(who)"])
        notify(facilitator.text("net.feed.dropped_slow", ["name": .text(who)]))
    }

    private func schedule(_ timer: StageTimer) {
        timerTask?.cancel()
        let sleep = configuration.timerSleep
        timerTask = Task { [weak self] in
            do { try await sleep(.seconds(timer.seconds)) } catch { return }
            await self?.timeUp(timer)
        }
    }

    private func timeUp(_ timer: StageTimer) {
        guard mirror.timer == timer, !mirror.isEnded else { return }
        broadcast { [StageText.timeUp(timer, $0)] }
    }

    // MARK: - The facilitator's view of the room

    func feed() -> AsyncStream<FeedLine> {
        let (stream, continuation) = AsyncStream<FeedLine>.makeStream(bufferingPolicy: .bufferingNewest(1000))
        let id = nextFeed
        nextFeed += 1
        feeds[id] = continuation
        continuation.onTermination = { [weak self] _ in Task { await self?.removeFeed(id) } }
        return stream
    }

    private func removeFeed(_ id: Int) { feeds[id] = nil }

    func notify(_ line: String) {
        let line = FeedLine(text: line, after: mirror.lastSeq)
        for feed in feeds.values { feed.yield(line) }
    }

    func finishFeeds() {
        for feed in feeds.values { feed.finish() }
        feeds = [:]
    }
}

/// A refusal already rendered in the reader's language.
struct RoomRefusal: Error, Sendable {
    let text: String
    init(_ text: String) { self.text = text }
}
