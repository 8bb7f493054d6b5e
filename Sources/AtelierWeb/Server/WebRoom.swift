import AtelierCore
import AtelierLive
import AtelierNet

/// The browsers in the room: their seats' links (by token), the pages they
/// are shown and pushed, and the projector's sockets. Every participant
/// request goes through the room's door, as a terminal's line does.
actor WebRoom {
    /// What a cookie's token gives.
    enum Holding {
        case seated(WebLink, Seat)
        /// The room knows no such seat (kicked, given up, never was).
        case unknown
        /// The room refused it (full): the sentence.
        case refused(String)
    }

    /// What a request for the page gives.
    struct Reply: Sendable {
        var html: String
        /// Set the cookie to this seat's token.
        var token: String?
        /// Clear the cookie (the seat is gone).
        var clearCookie = false
        /// The join was accepted: go to the page (303).
        var seeOther = false
    }

    let door: RoomDoor
    let configuration: WebConfiguration
    let catalogs: [String: Catalog]
    let languages: [PageLanguage]
    private let clock: @Sendable () -> Timestamp
    private var links: [String: WebLink] = [:]
    /// A token being taken by a link (a page and its socket may ask at once).
    private var holding: [String: Task<Holding, Never>] = [:]
    private var pushing: Set<ObjectIdentifier> = []
    private var pushAgain: Set<ObjectIdentifier> = []
    private var screens: [Int: (locale: String, out: AsyncStream<SocketMessage>.Continuation)] = [:]
    private var nextScreen = 0
    private var screenPushing = false
    private var screenAgain = false
    private var stopped = false
    /// Sockets whose handler has not ended yet (participants' and projectors').
    private var openSockets = 0
    /// The analyses of the session at `seq`, one per language a page showed
    /// one in (its sentences name levels and items in the reader's language).
    private var cached: (seq: Int64, analyses: [String: Analysis])?
    /// Where phones open the page (`http://ADDRESS:PORT`), for the projector's QR code.
    private var origin = ""
    /// The stamp of the last snapshot a socket's page was rendered from (`OffRoom`).
    private var tickets: UInt64 = 0

    init(door: RoomDoor, configuration: WebConfiguration) {
        self.door = door
        self.configuration = configuration
        self.catalogs = door.catalogs()
        self.languages = PageLanguage.of(Array(door.catalogs().values))
        self.clock = door.limits.clock
    }

    func setOrigin(_ origin: String) { self.origin = origin }

    // MARK: - Languages

    /// The language asked for with `?lang=`, else the first of
    /// `Accept-Language` the room speaks, else the room's.
    func locale(asked: String?, accept: String?) async -> String {
        if let asked = asked?.lowercased(), catalogs[asked] != nil { return asked }
        for range in (accept ?? "").split(separator: ",") {
            let tag = range.split(separator: ";").first?.trimmingSpaces.lowercased() ?? ""
            let language = String(tag.split(separator: "-").first ?? "")
            if catalogs[language] != nil { return language }
        }
        return await door.defaultLocale()
    }

    func catalog(_ locale: String) -> Catalog { catalogs[locale] ?? door.facilitator() }

    // MARK: - Pages

    /// The session as stored now, without its analysis (`worded` adds it).
    private func snapshot() async -> RoomSnapshot {
        RoomSnapshot(state: door.live.state, analysis: nil, now: clock(), paused: stopped)
    }

    /// `room` with the analysis its page shows (the current stage revealed,
    /// or the session ended) worded in `language`. Each is kept while the
    /// session does not change, so a push to every seat computes it once per
    /// language.
    private func worded(_ room: RoomSnapshot, _ language: String) -> RoomSnapshot {
        let state = room.state
        guard state.isEnded || state.revealed.contains(state.currentStage) else { return room }
        if let cached, cached.seq == state.lastSeq, let analysis = cached.analyses[language] {
            return RoomSnapshot(state: state, analysis: analysis, now: room.now, paused: room.paused)
        }
        let analysis = Analysis.shown(state, language: language)
        if (cached?.seq ?? -1) < state.lastSeq { cached = (state.lastSeq, [:]) }
        if cached?.seq == state.lastSeq { cached?.analyses[language] = analysis }
        return RoomSnapshot(state: state, analysis: analysis, now: room.now, paused: room.paused)
    }

    /// A stamp for a page about to be rendered off the actor from the snapshot just taken.
    private func stamp() -> UInt64 {
        tickets += 1
        return tickets
    }

    private func participantModel(
        _ room: RoomSnapshot, seat: Seat?, locale: String, prefill: JoinPrefill = JoinPrefill(),
        refusal: String? = nil, confirmation: String? = nil, closing: PageClosing? = nil
    ) -> ParticipantPageModel {
        let catalog = catalog(seat?.locale ?? locale)
        return ParticipantPageModel(
            room: worded(room, catalog.language), catalog: catalog, languages: languages,
            seat: seat.map { PageSeat(name: $0.name, department: $0.department) }, prefill: prefill,
            refusal: refusal, confirmation: confirmation, closing: closing)
    }

    /// `GET /`: the seat's page, or the join form.
    func page(token: String?, address: String, locale: String, prefill: JoinPrefill) async -> Reply {
        let room = await snapshot()
        guard let token else {
            return Reply(
                html: await OffRoom.document(participantModel(room, seat: nil, locale: locale, prefill: prefill)))
        }
        switch await hold(token: token, address: address) {
        case .seated(_, let seat):
            return Reply(html: await OffRoom.document(participantModel(room, seat: seat, locale: locale)))
        case .unknown:
            let model = participantModel(room, seat: nil, locale: locale, prefill: prefill)
            return Reply(html: ParticipantPage.document(model), clearCookie: true)
        case .refused(let sentence):
            let model = participantModel(room, seat: nil, locale: locale, prefill: prefill, refusal: sentence)
            return Reply(html: ParticipantPage.document(model))
        }
    }

    /// The link speaking for this token's seat: the one already there, or a
    /// new one that resumes the seat (after a drop, or a restart of the
    /// facilitator's atelier: the seats are kept in the store).
    func hold(token: String, address: String) async -> Holding {
        if let link = links[token], link.closing == nil, let seat = link.seat { return .seated(link, seat) }
        if let pending = holding[token] { return await pending.value }
        let task = Task { await resume(token: token, address: address) }
        holding[token] = task
        let result = await task.value
        holding[token] = nil
        return result
    }

    private func resume(token: String, address: String) async -> Holding {
        guard !stopped else { return .unknown }
        let link = makeLink(address: address)
        guard await door.admit(link) else { return .refused(link.farewell ?? "") }
        switch await door.resume(token: token, link: link) {
        case .seated(let seat, let token):
            link.seated(seat, token: token)
            links[token] = link
            return .seated(link, seat)
        case .refused(let sentence):
            await door.disconnected(link)
            return await door.seat(token: token) == nil ? .unknown : .refused(sentence)
        }
    }

    private func makeLink(address: String) -> WebLink {
        let limits = door.limits
        return WebLink(
            address: address, bucket: TokenBucket(capacity: limits.floodBurst, perSecond: limits.floodPerSecond),
            changed: { [weak self] link in Task { await self?.push(link) } },
            closed: { [weak self] link, reason in Task { await self?.closed(link, reason) } })
    }

    /// `POST /join`.
    func join(_ form: WebForm, token: String?, address: String, locale: String) async -> Reply {
        let prefill = JoinPrefill(code: form.code ?? "", name: form.name ?? "", department: form.department ?? "")
        let locale = form.lang.flatMap { catalogs[$0.lowercased()] != nil ? $0.lowercased() : nil } ?? locale
        let catalog = catalog(locale)
        func refused(_ sentence: String) async -> Reply {
            let model = participantModel(
                await snapshot(), seat: nil, locale: locale, prefill: prefill, refusal: sentence)
            return Reply(html: ParticipantPage.document(model))
        }
        if let token, case .seated(_, let seat) = await hold(token: token, address: address) {
            return await refused(catalog.text("net.already_joined", ["name": .text(seat.name)]))
        }
        if let lang = form.lang, catalogs[lang.lowercased()] == nil {
            return await refused(
                catalog.text("net.unknown_locale", ["language": .text(lang), "known": .list(catalogs.keys.sorted())]))
        }
        let fields = [form.code, form.name, form.department].map { ($0 ?? "").trimmingSpaces }
        guard fields.allSatisfy({ !$0.isEmpty }) else {
            return await refused(catalog.text("net.usage", ["usage": .text(catalog.text("net.help.join"))]))
        }
        guard fields.allSatisfy(WebForm.isPlainText) else { return await refused(catalog.text("net.not_text")) }
        guard !stopped else { return await refused(catalog.text("net.push.pause")) }
        let link = makeLink(address: address)
        guard await door.admit(link) else { return await refused(link.farewell ?? "") }
        switch await door.join(code: fields[0], name: fields[1], department: fields[2], locale: locale, link: link) {
        case .seated(let seat, let token):
            link.seated(seat, token: token)
            links[token] = link
            return Reply(html: "", token: token, seeOther: true)
        case .refused(let sentence):
            await door.disconnected(link)
            return await refused(sentence)
        }
    }

    /// `POST /act`, or one message of the page's socket (`socket`): performs
    /// the request, and gives the seat's page with its confirmation or refusal.
    func act(_ form: WebForm, token: String?, address: String, locale: String, socket: Int? = nil) async -> Reply {
        let room = await snapshot()
        guard let token else {
            let model = participantModel(
                room, seat: nil, locale: locale, refusal: catalog(locale).text("net.join_first"))
            return Reply(html: ParticipantPage.document(model))
        }
        let link: WebLink
        let seat: Seat
        switch await hold(token: token, address: address) {
        case .seated(let held, let heldSeat):
            (link, seat) = (held, heldSeat)
        case .unknown:
            let model = participantModel(
                room, seat: nil, locale: locale, refusal: catalog(locale).text("net.join_first"))
            return Reply(html: ParticipantPage.document(model), clearCookie: true)
        case .refused(let sentence):
            let model = participantModel(room, seat: nil, locale: locale, refusal: sentence)
            return Reply(html: ParticipantPage.document(model))
        }
        var catalog = self.catalog(seat.locale)
        guard link.take(at: clock()) else {
            let limits = door.limits
            let sentence = catalog.text(
                "net.flood", ["count": .count(limits.floodBurst), "rate": .count(limits.floodPerSecond)])
            let model = participantModel(room, seat: seat, locale: seat.locale, refusal: sentence)
            guard let socket else { return Reply(html: ParticipantPage.document(model)) }
            link.send(.page(ParticipantPage.fragment(model)), to: socket)
            return Reply(html: "")
        }
        var current = seat
        var refusal: String?
        var confirmation: String?
        switch form.request() {
        case .failure(let problem):
            refusal = problem.sentence(catalog)
        case .success(.quit):
            await door.quit(link)
            links[token] = nil
            let model = participantModel(await snapshot(), seat: nil, locale: seat.locale, closing: .left)
            let page = ParticipantPage.fragment(model)
            link.closeSockets(.close(code: CloseCode.noSeat, page: page))
            await door.disconnected(link)
            return Reply(html: ParticipantPage.document(model), clearCookie: true)
        case .success(.locale(let language)):
            if let chosen = catalogs[language] {
                await door.setLocale(link, language)
                link.setLocale(language)
                current.locale = language
                catalog = chosen
                confirmation = chosen.text("net.locale_set", ["language": .text(chosen.text("net.language_itself"))])
            } else {
                refusal = catalog.text(
                    "net.unknown_locale", ["language": .text(language), "known": .list(catalogs.keys.sorted())])
            }
        case .success(let request):
            switch await door.perform(request, as: seat, catalog) {
            case .ok(let text):
                // An accepted answer shows on the page itself (highlighted, listed, ticked); the line's sentence
                // names items and departments by their ids ("status_quo: 2 recorded"), which the page never
                // shows. A note shows nowhere else: it keeps its sentence.
                if case .note = request, !text.isEmpty { confirmation = text }
            case .lines(let lines): confirmation = lines.joined(separator: "\n")
            case .refused(let text): refusal = text
            }
        }
        let model = participantModel(
            await snapshot(), seat: current, locale: current.locale, refusal: refusal, confirmation: confirmation)
        guard let socket else { return Reply(html: await OffRoom.document(model)) }
        let ticket = stamp()
        link.send(.page(await OffRoom.fragment(model)), to: socket, ticket: ticket)
        // The other tabs of the same seat show the answer too.
        if refusal == nil, link.socketCount > 1 { push(link, except: socket) }
        return Reply(html: "")
    }

    // MARK: - The participant's socket

    /// A socket opened with this token: its link, number and messages, or
    /// nil with the last page to send before closing it (no seat).
    func connect(token: String?, address: String, locale: String) async
        -> Result<(link: WebLink, id: Int, messages: AsyncStream<SocketMessage>), SocketRefusal>
    {
        let room = await snapshot()
        guard let token else {
            return .failure(
                SocketRefusal(page: ParticipantPage.fragment(participantModel(room, seat: nil, locale: locale))))
        }
        switch await hold(token: token, address: address) {
        case .seated(let link, let seat):
            let (id, messages) = link.open()
            openSockets += 1
            let ticket = stamp()
            let page = await OffRoom.fragment(participantModel(room, seat: seat, locale: seat.locale))
            link.send(.page(page), to: id, ticket: ticket)
            return .success((link, id, messages))
        case .unknown:
            return .failure(
                SocketRefusal(page: ParticipantPage.fragment(participantModel(room, seat: nil, locale: locale))))
        case .refused(let sentence):
            let model = participantModel(room, seat: nil, locale: locale, refusal: sentence)
            return .failure(SocketRefusal(page: ParticipantPage.fragment(model)))
        }
    }

    /// The socket closed: once the seat has no socket left for the grace
    /// period, the participant leaves as a terminal whose connection closed.
    func disconnected(_ link: WebLink, socket: Int) {
        openSockets -= 1
        guard link.shut(socket) == 0 else { return }
        let generation = link.generation
        let grace = configuration.leaveGrace
        Task { [weak self] in
            try? await Task.sleep(for: grace)
            await self?.release(link, ifStill: generation)
        }
    }

    private func release(_ link: WebLink, ifStill generation: Int) async {
        guard link.socketCount == 0, link.generation == generation, let token = link.token, links[token] === link
        else { return }
        links[token] = nil
        await door.disconnected(link)
    }

    // MARK: - Pushes

    /// Renders the seat's page again for each of its sockets; pushes that
    /// come while one is being rendered are folded into one more.
    func push(_ link: WebLink, except skipped: Int? = nil) {
        let id = ObjectIdentifier(link)
        guard !pushing.contains(id) else {
            pushAgain.insert(id)
            return
        }
        pushing.insert(id)
        Task {
            repeat {
                pushAgain.remove(id)
                if let seat = link.seat, link.closing == nil {
                    let model = participantModel(await snapshot(), seat: seat, locale: seat.locale)
                    let ticket = stamp()
                    link.send(.page(await OffRoom.fragment(model)), except: skipped, ticket: ticket)
                }
            } while pushAgain.contains(id)
            pushing.remove(id)
        }
    }

    /// What the room does not push to participants (another's answer) but a
    /// page shows: a department's strategy, knows and shares on the pages of
    /// its members, an answer the facilitator typed for a participant on that
    /// participant's page, an `undo` on every page. The author's own page
    /// came back with the answer already. Answers by participants for
    /// themselves (nearly every event) cost nothing here.
    func pushStatements(_ batches: [[RecordedEvent]]) {
        var departments: [String: Set<String>] = [:]
        var names: Set<String> = []
        var everyone = false
        for recorded in batches.joined() {
            let author = recorded.actor.participantName
            switch recorded.event {
            case .strategyDeclared(let department, _), .knowsDeclared(let department, _),
                .sharesDeclared(let department, _):
                departments[department, default: []].insert(author ?? "")
            case .rated(.participant(let name), _, _, _), .picked(.participant(let name), _, _):
                if author == nil { names.insert(name) }
            case .undone:
                everyone = true
            default:
                break
            }
        }
        guard everyone || !departments.isEmpty || !names.isEmpty else { return }
        for link in links.values {
            guard let seat = link.seat else { continue }
            let authors = departments[seat.department]
            // A statement's only author is the one page that has it already.
            let statement = authors.map { $0 != [seat.name] } ?? false
            if everyone || statement || names.contains(seat.name) { push(link) }
        }
    }

    /// The room closed the link (kick, another device took the seat, the
    /// session ended or paused): its pages say so and its sockets close.
    private func closed(_ link: WebLink, _ reason: LinkClosing) async {
        guard let seat = link.seat else { return }
        if let token = link.token, links[token] === link { links[token] = nil }
        let room = await snapshot()
        let message: SocketMessage
        switch reason {
        case .kicked, .replaced:
            let model = participantModel(
                room, seat: nil, locale: seat.locale, closing: reason == .kicked ? .kicked : .replaced)
            message = .close(code: CloseCode.noSeat, page: ParticipantPage.fragment(model))
        case .ended:
            message = .close(
                code: CloseCode.ended,
                page: ParticipantPage.fragment(participantModel(room, seat: seat, locale: seat.locale)))
        case .paused, .crowded:
            let paused = RoomSnapshot(state: room.state, analysis: room.analysis, now: room.now, paused: true)
            message = .close(
                code: CloseCode.goingAway,
                page: ParticipantPage.fragment(participantModel(paused, seat: seat, locale: seat.locale)))
        }
        link.closeSockets(message)
        // Stopping, the seat stays in the session: the page comes back with it after `resume --listen`.
        if !stopped { await door.disconnected(link) }
    }

    // MARK: - The projector

    func screen(locale: String) async -> String {
        ProjectorPage.document(await projectorModel(locale: locale, room: await snapshot()))
    }

    private func projectorModel(locale: String, room: RoomSnapshot) async -> ProjectorPageModel {
        let code = await door.code()
        let url = origin + "/?code=" + code
        let catalog = catalog(locale)
        return ProjectorPageModel(
            room: worded(room, catalog.language), catalog: catalog, joinURL: url, code: code,
            qr: QRMatrix(encoding: url))
    }

    func openScreen(locale: String) async -> (id: Int, messages: AsyncStream<SocketMessage>) {
        let (stream, continuation) = AsyncStream<SocketMessage>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = nextScreen
        nextScreen += 1
        screens[id] = (locale, continuation)
        openSockets += 1
        continuation.yield(.page(ProjectorPage.fragment(await projectorModel(locale: locale, room: await snapshot()))))
        return (id, stream)
    }

    func closeScreen(_ id: Int) {
        openSockets -= 1
        screens.removeValue(forKey: id)?.out.finish()
    }

    /// Renders the projector again (once per language shown), folding the
    /// changes that come while it renders into one more.
    func pushScreens() {
        guard !screens.isEmpty else { return }
        guard !screenPushing else {
            screenAgain = true
            return
        }
        screenPushing = true
        Task {
            repeat {
                screenAgain = false
                let room = await snapshot()
                var rendered: [String: String] = [:]
                for (_, screen) in screens {
                    if rendered[screen.locale] == nil {
                        rendered[screen.locale] = await OffRoom.screen(
                            await projectorModel(locale: screen.locale, room: room))
                    }
                }
                for (_, screen) in screens {
                    if let page = rendered[screen.locale] { screen.out.yield(.page(page)) }
                }
            } while screenAgain
            screenPushing = false
        }
    }

    // MARK: - Stopping

    /// The facilitator's atelier stops: every page says the session is
    /// paused (or over) and its sockets close with a code that tells the
    /// script to come back. The seats stay in the session, as after a crash:
    /// once `resume --listen` starts again, each page resumes its seat with
    /// its cookie, and those who do not come back within the room's resume
    /// window are recorded as having left (`releaseUnclaimed`).
    func stop() async {
        stopped = true
        let room = await snapshot()
        let ended = room.state.isEnded
        for link in links.values {
            guard let seat = link.seat else { continue }
            link.closeSockets(
                .close(
                    code: ended ? CloseCode.ended : CloseCode.goingAway,
                    page: ParticipantPage.fragment(participantModel(room, seat: seat, locale: seat.locale))))
        }
        links = [:]
        for (_, screen) in screens {
            screen.out.yield(.close(code: CloseCode.goingAway, page: nil))
            screen.out.finish()
        }
        screens = [:]
        // Each socket writes its last page and its close code before the server goes (2 s at most).
        for _ in 0..<200 where openSockets > 0 { try? await Task.sleep(for: .milliseconds(10)) }
    }
}

/// Why a socket was not given a seat: the page to show before it closes.
struct SocketRefusal: Error, Sendable {
    let page: String
}

extension StringProtocol {
    /// Without the spaces and tabs around it.
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
