import AtelierCore
import AtelierLive
import AtelierStore
import Dispatch
import Logging

/// The participants' side of a live session: who is connected, under which
/// seat and language, the join code and its locks. It keeps the session's
/// state as `LiveSession.followStates()` gives it with each write (it folds
/// no event of its own) and pushes what changed to everyone,
/// without ever waiting on one connection (each has a bounded outbox).
actor Room {
    struct Member {
        let connection: any RoomLink
        var locale: String
        var seat: Seat?
        /// Takes the room's pushes: only once its opening lines (the reply to
        /// its join or resume, and the stage as the room holds it) are sent,
        /// so it never reads a push before the state that push follows.
        var listening = false
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

    /// The session's state after the last write the room has pushed (the
    /// live session's own, handed over with each write: never folded here).
    private(set) var mirror: SessionState
    /// Who of those present answered the current stage, for the facilitator's feed.
    private var tally: FeedText.Tally
    private(set) var code: String
    private(set) var joinsLocked = false

    private var members: [ObjectIdentifier: Member] = [:]
    /// The seats by their token's digest, and each seated name's digest.
    private var seats: [String: Seat] = [:]
    private var tokens: [String: String] = [:]
    /// In an anonymous session, the name each seated participant typed, to
    /// their pseudonym: kept in memory only, so two people present never
    /// share a typed name; never stored, logged nor shown.
    private var typedNames: [String: String] = [:]
    /// The connection currently speaking for each seated name.
    private var holders: [String: ObjectIdentifier] = [:]
    /// A `leave` on its way to the session, which a `resume` waits for.
    private var leaving: [String: Task<Void, Never>] = [:]
    /// Connections that have not joined yet, apart from the room.
    private var lobby: Lobby<ObjectIdentifier>
    /// Wrong codes and tokens per address, across connections.
    private var wrongCodes: WrongCodeLimiter
    /// Repeated incidents, as the facilitator's screen tells them (by kind)
    /// and as the log does (by kind and address).
    private var screenSums: RepeatSummary
    private var logSums: RepeatSummary
    /// Joins refused since the room was last able to take one.
    private var turnedAway = 0
    private var feeds: [Int: AsyncStream<FeedLine>.Continuation] = [:]
    private var nextFeed = 0
    private var timerTask: Task<Void, Never>?
    /// After a restart, the names whose seats came from the store and who
    /// have not come back yet (the facilitator is told as they do).
    private var awaited: [String] = []

    init(
        session: LiveSession, state: SessionState, catalogs: [String: Catalog], facilitator: Catalog, code: String,
        configuration: NetConfiguration, logger: Logger, keeper: (any SeatKeeper)? = nil, seats saved: [Seat] = []
    ) {
        self.keeper = keeper
        for seat in saved {
            seats[seat.tokenDigest] = seat
            tokens[seat.name] = seat.tokenDigest
        }
        awaited = saved.map(\.name).sorted()
        self.session = session
        self.mirror = state
        self.tally = FeedText.Tally(state)
        self.catalogs = catalogs
        self.facilitator = facilitator
        self.code = code
        self.configuration = configuration
        self.logger = logger
        self.lobby = Lobby(
            perAddress: configuration.lobbyPerAddress, overall: configuration.lobbyOverall,
            graceMilliseconds: NetConfiguration.milliseconds(configuration.lobbyGrace))
        self.wrongCodes = WrongCodeLimiter(
            burst: configuration.wrongCodeBurst,
            forgiveMilliseconds: NetConfiguration.milliseconds(configuration.wrongCodeForgiveness),
            penalty: configuration.penalty)
        let window = NetConfiguration.milliseconds(configuration.summaryWindow)
        self.screenSums = RepeatSummary(windowMilliseconds: window)
        self.logSums = RepeatSummary(windowMilliseconds: window)
    }

    var languages: [String] { catalogs.keys.sorted() }

    var defaultLocale: String { catalogs[mirror.locale] != nil ? mirror.locale : facilitator.language }

    func catalog(_ locale: String) -> Catalog { catalogs[locale] ?? facilitator }

    // MARK: - Connections

    /// Takes a new connection in. It waits in the lobby until it joins; when
    /// the lobby is full (for its address or overall), an older connection
    /// waiting there is closed to make room (`Lobby`), so idle sockets never
    /// keep anyone out.
    func admit(_ connection: any RoomLink) -> Bool {
        let catalog = catalog(defaultLocale)
        if let evicted = lobby.enter(
            connection.id, from: AddressGroup.of(connection.address), at: configuration.clock()),
            let member = members[evicted]
        {
            // A short grace: a churning client must not keep thousands of closing sockets open.
            member.connection.close(
                after: ["error " + self.catalog(member.locale).text("net.crowded")],
                grace: Swift.min(configuration.closeGrace, .milliseconds(200)), because: .crowded)
            incident("crowded", address: member.connection.address, log: "waiting connection closed to make room")
        }
        members[connection.id] = Member(connection: connection, locale: defaultLocale)
        _ = connection.deliver(["* " + StageText.welcome(catalog, languages: languages)])
        return true
    }

    /// The connection holds a seat now: it leaves the lobby. It takes no
    /// push until `open` sent it its opening lines.
    private func seat(_ seat: Seat, on connection: any RoomLink, locale: String) {
        holders[seat.name] = connection.id
        members[connection.id]?.seat = seat
        members[connection.id]?.locale = locale
        members[connection.id]?.listening = false
        lobby.leave(connection.id)
    }

    /// A seated connection starts taking the room's pushes: `first` (the
    /// reply to its join or resume) and, with `stage`, the stage as the room
    /// holds it now are sent in the same turn of the room, so every later
    /// push follows that state and none comes before it.
    func open(_ connection: any RoomLink, first: [String], stage: Bool) {
        var lines = first
        if stage, let member = members[connection.id] {
            lines += stageLines(locale: member.locale).map { "* " + $0 }
        }
        guard let member = members[connection.id], member.seat != nil else {
            if !lines.isEmpty { _ = connection.deliver(lines) }
            return
        }
        members[connection.id]?.listening = true
        if !lines.isEmpty, !connection.deliver(lines), !member.dropped { dropSlow(connection.id, member) }
    }

    /// Joined participants connected now.
    private var seatedCount: Int { members.values.count { $0.seat != nil } }

    /// Tells a repeated incident: the first of a spell at once, on the
    /// facilitator's screen and in the log, then a sum at most once per
    /// window (`flushSums` tells those due when the incidents stop).
    /// `first` is the facilitator's line for the first of a spell (by default
    /// `net.feed.KIND` with the address and `count`).
    private func incident(
        _ kind: String, address: String, first: String? = nil, log message: Logger.Message,
        level: Logger.Level = .warning, metadata: Logger.Metadata = [:], count: Int = 1
    ) {
        let now = configuration.clock()
        let metadata = metadata.merging(["address": "\(address)"]) { $1 }
        switch logSums.note(kind + " " + AddressGroup.of(address), from: address, at: now) {
        case .this: logger.log(level: level, message, metadata: metadata)
        case .sum(let count, _):
            logger.log(level: level, message, metadata: metadata.merging(["repeated": "\(count)"]) { $1 })
        case .nothing: break
        }
        switch screenSums.note(kind, from: address, at: now) {
        case .this:
            notify(first ?? facilitator.text("net.feed.\(kind)", ["address": .text(address), "count": .count(count)]))
        case .sum(let count, let last): notify(sum(kind, count: count, address: last))
        case .nothing: break
        }
    }

    /// A participant's request the store could not keep (refused to them,
    /// never acknowledged): told on the facilitator's screen with the
    /// store's reason, then summed while the store stays out of reach.
    func notStored(_ name: String?, _ failure: WriteFailure) {
        let reason = MessageValue.message(failure.message)
        incident(
            "not_stored", address: name ?? "-",
            first: name.map { facilitator.text("net.feed.not_stored", ["name": .text($0), "reason": reason]) }
                ?? facilitator.text("net.feed.not_stored_join", ["reason": reason]),
            log: "request not stored", level: .error,
            metadata: ["name": "\(name ?? "-")", "reason": "\(facilitator.render(failure.message))"])
    }

    private func sum(_ kind: String, count: Int, address: String) -> String {
        let minutes = Int(NetConfiguration.milliseconds(configuration.summaryWindow) / 60_000)
        return facilitator.text(
            "net.feed.\(kind)_sum",
            ["count": .count(count), "address": .text(address), "minutes": .count(Swift.max(1, minutes))])
    }

    /// Tells the sums of incidents that stopped, once their window is over.
    func flushSums() {
        let now = configuration.clock()
        for due in logSums.due(at: now) {
            logger.warning(
                "repeated incident", metadata: ["what": "\(due.key)", "repeated": "\(due.count)"])
        }
        for due in screenSums.due(at: now) { notify(sum(due.key, count: due.count, address: due.address)) }
    }

    /// The connection is gone: its participant leaves, unless the seat has
    /// moved to another connection (resume) or was taken away (kick).
    func disconnected(_ connection: any RoomLink) async {
        lobby.leave(connection.id)
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

    func setLocale(_ connection: any RoomLink, _ locale: String) async {
        members[connection.id]?.locale = locale
        if let token = members[connection.id]?.seat?.tokenDigest {
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
            member.connection.close(
                after: ["* " + line], grace: configuration.closeGrace, because: mirror.isEnded ? .ended : .paused)
        }
    }

    /// Those the session still shows as present whom no connection speaks
    /// for (their seats came from the store, and they did not resume) are
    /// recorded as having left; their seats stay, so `resume` still works.
    func releaseUnclaimed() async {
        let state = session.state
        var gone: [String] = []
        for name in tokens.keys.sorted()
        where holders[name] == nil && leaving[name] == nil && state.participants[name]?.present == true {
            _ = await session.submit(leave(name))
            gone.append(name)
        }
        awaited = []
        if !gone.isEmpty {
            notify(facilitator.text("net.feed.not_back", ["count": .count(gone.count), "names": .list(gone)]))
        }
    }

    /// After a restart: who is expected back, for the facilitator (nil when nobody).
    func awaitedLine() -> String? {
        guard !awaited.isEmpty else { return nil }
        let minutes = max(1, Int(configuration.resumeWindow.components.seconds + 59) / 60)
        return facilitator.text(
            "net.feed.awaited", ["count": .count(awaited.count), "names": .list(awaited), "minutes": .count(minutes)])
    }

    /// A seat from before the restart is taken back: the facilitator is told,
    /// with who is still expected.
    private func cameBack(_ name: String) {
        guard let index = awaited.firstIndex(of: name) else { return }
        awaited.remove(at: index)
        if awaited.isEmpty {
            notify(facilitator.text("net.feed.all_back", ["name": .text(name)]))
        } else {
            notify(
                facilitator.text(
                    "net.feed.back", ["name": .text(name), "count": .count(awaited.count), "names": .list(awaited)]))
        }
    }

    /// `quit`: the participant leaves and their name is free again (they
    /// come back with `join`, under a new token).
    func quit(_ connection: any RoomLink) async {
        guard let seat = members[connection.id]?.seat, holders[seat.name] == connection.id else { return }
        members[connection.id]?.seat = nil
        holders[seat.name] = nil
        tokens[seat.name] = nil
        seats[seat.tokenDigest] = nil
        forgetTypedName(of: seat.name)
        await keep { try $0.remove(name: seat.name) }
        _ = await session.submit(leave(seat.name))
    }

    /// The typed name of a seat given up is free again.
    private func forgetTypedName(of seated: String) {
        guard !typedNames.isEmpty else { return }
        typedNames = typedNames.filter { $0.value != seated }
    }

    /// The participant's own `leave`, as their connection's end records it.
    private func leave(_ name: String) -> Command {
        Command(actor: .participant(name), action: .leave(name: name), time: configuration.clock())
    }

    // MARK: - Join and resume

    func join(code typed: String, name: String, department: String, locale: String, connection: any RoomLink) async
        -> Admission
    {
        let catalog = catalog(locale)
        guard !joinsLocked else { return .refused(catalog.text("net.joins_locked"), delay: .zero) }
        if let refusal = waitAfterWrongCodes(connection, catalog) { return refusal }
        guard JoinCode.normalized(typed) == code else {
            let delay = failure(from: connection.address, kind: "code")
            return .refused(catalog.text("net.wrong_code"), delay: delay)
        }
        guard seatedCount < configuration.maxParticipants else {
            // Logged once a spell per address, then summed: a client retrying must not flood the log.
            let address = connection.address
            switch logSums.note("full " + address, from: address, at: configuration.clock()) {
            case .this: logger.notice("join refused: room full", metadata: ["address": "\(address)"])
            case .sum(let count, _):
                logger.notice("join refused: room full", metadata: ["address": "\(address)", "repeated": "\(count)"])
            case .nothing: break
            }
            turnedAway += 1
            // Once per full spell, not once per knock: a client retrying must not flood the screen.
            if turnedAway == 1 {
                notify(
                    facilitator.text(
                        "net.feed.full",
                        ["max": .count(configuration.maxParticipants), "address": .text(connection.address)]))
            }
            return .refused(
                catalog.text("net.full", ["max": .count(configuration.maxParticipants)]), delay: .zero)
        }
        if turnedAway > 1 {
            notify(facilitator.text("net.feed.full_over", ["count": .count(turnedAway)]))
        }
        turnedAway = 0
        let anonymous = session.state.anonymous
        if anonymous {
            // A pseudonym is given, never chosen: one typed would be someone else's seat.
            guard Pseudonym.parse(name) == nil else {
                return .refused(catalog.text("net.name_like_pseudonym", ["name": .text(name)]), delay: .zero)
            }
            guard typedNames[name].map({ tokens[$0] == nil }) ?? true else {
                return .refused(catalog.text("net.name_reserved_anonymous", ["name": .text(name)]), delay: .zero)
            }
        } else {
            guard tokens[name] == nil else {
                return .refused(catalog.text("net.name_reserved", ["name": .text(name)]), delay: .zero)
            }
        }
        let command = Command(
            actor: .participant(name), action: .join(name: name, department: department), time: configuration.clock())
        switch await session.submit(command) {
        case .accepted(let events):
            // The name and department as the session recorded them (`Marketing`
            // typed joins `marketing`; an anonymous session records a pseudonym).
            var (seated, joined) = (name, department)
            if case .participantJoined(let recorded, let id)? = events.first?.event {
                (seated, joined) = (recorded, id)
            }
            if anonymous { typedNames[name] = seated }
            let token = SessionToken.random()
            let seat = Seat(name: seated, department: joined, tokenDigest: SeatToken.digest(token), locale: locale)
            seats[seat.tokenDigest] = seat
            tokens[seated] = seat.tokenDigest
            self.seat(seat, on: connection, locale: locale)
            await keep { try $0.save(seat) }
            return .seated(seat, token: token)
        case .refused(let error):
            return .refused(catalog.render(error.message), delay: .zero)
        case .failed(let failure):
            // An anonymous session's typed name stays off the screen and out of the log.
            notStored(anonymous ? nil : name, failure)
            return .refused(catalog.text("net.store_failed"), delay: .zero)
        }
    }

    func resume(token typed: String, connection: any RoomLink) async -> Admission {
        let catalog = catalog(members[connection.id]?.locale ?? defaultLocale)
        let token = typed.lowercased()
        if let refusal = waitAfterWrongCodes(connection, catalog) { return refusal }
        let digest = SeatToken.digest(token)
        guard let seat = seats[digest], SeatToken.matches(token, digest: seat.tokenDigest) else {
            let delay = failure(from: connection.address, kind: "token")
            return .refused(catalog.text("net.unknown_token"), delay: delay)
        }
        if let pending = leaving[seat.name] { await pending.value }
        guard seats[digest] != nil, members[connection.id] != nil else {
            return .refused(catalog.text("net.unknown_token"), delay: .zero)
        }
        if let old = holders[seat.name], old != connection.id, let member = members[old] {
            // The old connection is probably half-dead: the seat moves here.
            members[old]?.seat = nil
            self.seat(seat, on: connection, locale: seat.locale)
            member.connection.close(
                after: ["* " + StageText.replaced(self.catalog(member.locale))], grace: configuration.closeGrace,
                because: .replaced)
            return .seated(seat, token: token)
        }
        self.seat(seat, on: connection, locale: seat.locale)
        // Still present: the facilitator's atelier was restarted while the
        // participant was in, and no leave was recorded. (Asks the session,
        // not the mirror, which may not have followed a leave just stored.)
        if session.state.participants[seat.name]?.present == true {
            cameBack(seat.name)
            return .seated(seat, token: token)
        }
        let command = Command(
            actor: .participant(seat.name), action: .join(name: seat.name, department: seat.department),
            time: configuration.clock())
        let outcome = await session.submit(command)
        if case .accepted = outcome {
            cameBack(seat.name)
            return .seated(seat, token: token)
        }
        if holders[seat.name] == connection.id { holders[seat.name] = nil }
        members[connection.id]?.seat = nil
        if members[connection.id] != nil {
            _ = lobby.enter(connection.id, from: AddressGroup.of(connection.address), at: configuration.clock())
        }
        switch outcome {
        case .refused(let error): return .refused(catalog.render(error.message), delay: .zero)
        case .failed(let failure): notStored(seat.name, failure)
        case .accepted: break
        }
        return .refused(catalog.text("net.store_failed"), delay: .zero)
    }

    /// The seat this token opens, if any (what a browser's cookie holds);
    /// not counted as a wrong token when there is none (`resume` counts).
    func seat(token typed: String) -> Seat? {
        let token = typed.lowercased()
        guard let seat = seats[SeatToken.digest(token)], SeatToken.matches(token, digest: seat.tokenDigest) else {
            return nil
        }
        return seat
    }

    /// Counts a wrong code or token from an address (across its
    /// connections), tells it as a repeated incident, and says how long to
    /// hold the reply back.
    private func failure(from address: String, kind: String) -> Duration {
        let now = configuration.clock()
        let delay = wrongCodes.failed(from: AddressGroup.of(address), at: now)
        let count = wrongCodes.failures(from: AddressGroup.of(address), at: now)
        incident(
            "wrong_\(kind)", address: address, log: "wrong join \(kind)", metadata: ["failures": "\(count)"],
            count: count)
        return delay
    }

    /// An address that made too many wrong codes lately is not even checked:
    /// it is told how long to wait (seconds, rounded up).
    private func waitAfterWrongCodes(_ connection: any RoomLink, _ catalog: Catalog) -> Admission? {
        guard let wait = wrongCodes.wait(for: AddressGroup.of(connection.address), at: configuration.clock()) else {
            return nil
        }
        let seconds = Int((NetConfiguration.milliseconds(wait) + 999) / 1000)
        return .refused(catalog.text("net.wait_wrong_codes", ["count": .count(Swift.max(1, seconds))]), delay: .zero)
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
        forgetTypedName(of: name)
        await keep { try $0.remove(name: name) }
        var connected = false
        if let holder = holders.removeValue(forKey: name), let member = members[holder] {
            members[holder]?.seat = nil
            member.connection.close(
                after: ["* " + StageText.kicked(catalog(member.locale))], grace: configuration.closeGrace,
                because: .kicked)
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
    func results(locale: String, width: Int? = nil) -> Result<[String], RoomRefusal> {
        let catalog = catalog(locale)
        guard let stage = mirror.stage else { return .failure(RoomRefusal(catalog.text("net.no_results"))) }
        guard mirror.revealed.contains(stage.id) else {
            return .failure(RoomRefusal(catalog.text("net.not_revealed", ["stage": .text(stage.id)])))
        }
        let lines = StageText.results(mirror, catalog, width: width ?? StageText.resultsWidth)
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

    /// Takes the state after a write of accepted events and pushes what changed.
    func absorb(_ write: LiveSession.Write) {
        let fresh = write.commands.joined().filter { $0.seq > mirror.lastSeq }
        guard !fresh.isEmpty else { return }
        let before = PushText.Snapshot(mirror)
        let counted = tally.count(mirror)
        mirror = write.state
        tally.update(fresh, mirror)
        let after = PushText.Snapshot(mirror)
        if after != before {
            broadcast { PushText.changes(from: before, to: self.mirror, $0) }
            if after.round > before.round {
                each { name, catalog in PushText.previous(name, before: before, state: self.mirror, catalog) }
            }
            if let timer = after.timer, timer != before.timer { schedule(timer) }
        }
        if !feeds.isEmpty, let line = FeedText.answeredLine(before: counted, after: tally.count(mirror), facilitator) {
            notify(line)
        }
        if after.ended, !before.ended {
            timerTask?.cancel()
            for member in members.values {
                member.connection.close(after: [], grace: configuration.closeGrace, because: .ended)
            }
        }
    }

    /// Sends each joined participant the lines `render` gives in their language.
    private func broadcast(_ render: (Catalog) -> [String]) {
        var rendered: [String: [String]] = [:]
        for (id, member) in members where member.seat != nil && member.listening && !member.dropped {
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

    /// Sends each joined participant the lines `render` gives for them, in their language.
    private func each(_ render: (String, Catalog) -> [String]) {
        for (id, member) in members where !member.dropped {
            guard let name = member.seat?.name else { continue }
            let lines = render(name, catalog(member.locale)).map { "* " + $0 }
            guard !lines.isEmpty else { continue }
            if !member.connection.deliver(lines) { dropSlow(id, member) }
        }
    }

    /// A connection that stopped reading its replies is dropped, as one
    /// that stops reading what the room pushes is: an incident.
    /// (Its connection is already closed, and may be gone from the room.)
    func droppedForNotReading(_ connection: any RoomLink, who: String) {
        members[connection.id]?.dropped = true
        tellDropped(who, address: connection.address)
    }

    private func dropSlow(_ id: ObjectIdentifier, _ member: Member) {
        members[id]?.dropped = true
        member.connection.drop()
        tellDropped(member.seat?.name ?? member.connection.address, address: member.connection.address)
    }

    /// A repeated incident too: connections opened only to be dropped must not flood the screen.
    private func tellDropped(_ who: String, address: String) {
        incident(
            "dropped_slow", address: address, first: facilitator.text("net.feed.dropped_slow", ["name": .text(who)]),
            log: "slow client dropped", metadata: ["who": "\(who)"])
    }

    /// A connection closed for flooding or over-long lines (`reason` names
    /// which); repeated, it is summed like the other incidents.
    func closed(who: String, address: String, key: String, reason: String) {
        incident(
            "closed", address: address,
            first: facilitator.text(
                "net.feed.closed", ["name": .text(who), "reason": .text(facilitator.text(reason))]),
            log: "connection closed", level: .notice, metadata: ["who": "\(who)", "reason": "\(key)"])
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
