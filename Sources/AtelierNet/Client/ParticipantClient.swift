import AtelierCore
import AtelierREPL
import NIOCore
import NIOPosix
import Synchronization

/// Who joins where: the options of `atelier join`.
public struct JoinRequest: Sendable, Hashable {
    public let address: NetAddress
    public let code: String
    public let name: String
    public let department: String
    public let locale: String

    public init(address: NetAddress, code: String, name: String, department: String, locale: String) {
        self.address = address
        self.code = code
        self.name = name
        self.department = department
        self.locale = locale
    }
}

/// The participant's side: joins, sends what the person types, shows
/// replies and pushes, and when the connection drops, connects again and
/// resumes with its token.
public final class ParticipantClient: Sendable {
    /// How a participant's run ended.
    public enum End: Sendable, Hashable {
        /// The facilitator ended the session.
        case sessionEnded
        /// The facilitator left a session that may be resumed.
        case paused
        /// The participant typed `quit` (or ended the input).
        case left
        /// Removed by the facilitator, or the seat was resumed elsewhere.
        case removed
        /// The server refused to seat us (wrong code, unknown department...).
        case refused
        /// The server could not be reached, or not again.
        case unreachable
    }

    /// How often and how long to try again after the connection drops.
    public struct Retry: Sendable, Hashable {
        public var delay: Duration
        public var attempts: Int

        public init(delay: Duration = .seconds(1), attempts: Int = 120) {
            self.delay = delay
            self.attempts = attempts
        }
    }

    private struct State {
        var writer: NIOAsyncChannelOutboundWriter<String>?
        var token: String?
        /// The token came from an earlier run and the server has not taken it yet.
        var tokenFromEarlierRun = false
        var completion: ClientCompletion
        var quitting = false
        /// The typing side, waiting for the reply to the request it sent.
        var waiting: CheckedContinuation<Void, Never>?
        /// Under the server's flood control (a burst of 10, then 5 a second),
        /// with a margin for the network's jitter.
        var bucket = TokenBucket(capacity: 8, perSecond: 4)
    }

    private let request: JoinRequest
    private let catalog: Catalog
    private let show: @Sendable (String) -> Void
    private let stageChanged: @Sendable (String) -> Void
    private let retry: Retry
    private let state: Mutex<State>
    private let started = ContinuousClock.now
    private let keepToken: @Sendable (String?) -> Void
    private let width: @Sendable () -> Int?

    /// - Parameters:
    ///   - catalog: the language of the client's own messages (the server's
    ///     lines come in `request.locale`).
    ///   - stageChanged: told the new stage's id when the server says the
    ///     stage changed (the prompt shows it).
    ///   - show: prints one line for the person (above the prompt).
    ///   - keptToken: the seat's token from an earlier run of the client
    ///     (which died while the seat was held): tried first, with `join`
    ///     when the server no longer knows it.
    ///   - keepToken: told the seat's token once seated, and nil once the
    ///     seat is over (left, removed, session ended), to keep it across runs.
    ///   - width: the columns of the person's screen, read at each line (nil:
    ///     not a screen, lines are shown as they come and `results` is drawn
    ///     at the server's default width).
    public init(
        request: JoinRequest, catalog: Catalog, languages: [String], retry: Retry = Retry(),
        keptToken: String? = nil, keepToken: @escaping @Sendable (String?) -> Void = { _ in },
        width: @escaping @Sendable () -> Int? = { nil },
        stageChanged: @escaping @Sendable (String) -> Void = { _ in }, show: @escaping @Sendable (String) -> Void
    ) {
        self.request = request
        self.catalog = catalog
        self.retry = retry
        self.stageChanged = stageChanged
        self.show = show
        self.keepToken = keepToken
        self.width = width
        var initial = State(completion: ClientCompletion(languages: languages, department: request.department))
        initial.token = keptToken
        initial.tokenFromEarlierRun = keptToken != nil
        self.state = Mutex(initial)
    }

    /// The words Tab may complete at the end of `line`.
    public func complete(_ line: String) -> [String] {
        state.withLock { $0.completion.words(for: line) }
    }

    /// The current stage's id, for the prompt.
    public var stage: String { state.withLock { $0.completion.stage } }

    /// Runs until the session ends, the participant quits, or the server
    /// cannot be reached again. `input` gives the lines typed (nil at the end).
    public func run(input: @escaping @Sendable () async -> String?) async -> End {
        let (seated, signal) = AsyncStream<Void>.makeStream()
        // The prompt shows once the client is in (and knows the stage).
        let typing = Task {
            for await _ in seated {
                await self.type(input)
                return
            }
        }
        let end = await follow(seated: signal)
        signal.finish()
        typing.cancel()
        // A seat that may still be resumed keeps its token for the next run.
        if end != .unreachable { keepToken(nil) }
        return end
    }

    // MARK: - Typing

    private func type(_ input: @Sendable () async -> String?) async {
        while !Task.isCancelled {
            let typed = await input()
            let entered = typed ?? "quit"
            guard !entered.allSatisfy(\.isWhitespace) else { continue }
            let line = sized(entered)
            let writer = state.withLock { state in
                if RequestParser.parse(line).flatMap({ try? $0.get() }) == .quit { state.quitting = true }
                return state.writer
            }
            if let writer {
                // One request at a time, as a person types, and no faster than
                // the flood control allows: a script piped in is paced, not cut.
                while !state.withLock({ $0.bucket.take(at: started.duration(to: .now).milliseconds) }) {
                    try? await Task.sleep(for: .milliseconds(50))
                }
                await withCheckedContinuation { (replied: CheckedContinuation<Void, Never>) in
                    state.withLock { $0.waiting = replied }
                    Task {
                        do { try await writer.write(line) } catch {
                            self.replied()
                            self.say(self.catalog.text("net.client.not_sent"))
                        }
                    }
                }
            } else if typed != nil {
                say(catalog.text("net.client.not_sent"))
            }
            if typed == nil { return }
        }
    }

    /// One of the client's own sentences, wrapped to the screen.
    private func say(_ text: String) {
        for line in ClientText.lines(text, width: width()) { show(line) }
    }

    /// `results` drawn for this screen's width (`results 100`), when there is a screen.
    private func sized(_ line: String) -> String {
        guard case .success(.results(width: nil))? = RequestParser.parse(line), let columns = width() else {
            return line
        }
        let widths = RequestParser.widths
        return "results \(min(max(columns, widths.lowerBound), widths.upperBound))"
    }

    // MARK: - The connection

    private func follow(seated: AsyncStream<Void>.Continuation) async -> End {
        var failures = 0
        var lost = false
        while true {
            if let end = await connectOnce(announce: lost, seated: seated) { return end }
            // Only a seat taken in this run is worth connecting again for.
            guard state.withLock({ $0.token != nil && !$0.tokenFromEarlierRun }) else {
                say(catalog.text("net.client.unreachable", ["address": .text(address)]))
                return .unreachable
            }
            if state.withLock({ $0.quitting }) { return .left }
            if !lost { say(catalog.text("net.client.lost", ["address": .text(address)])) }
            lost = true
            failures += 1
            guard failures <= retry.attempts else {
                say(catalog.text("net.client.gave_up"))
                return .unreachable
            }
            try? await Task.sleep(for: retry.delay)
            if state.withLock({ $0.quitting }) { return .left }
        }
    }

    private var address: String { "\(request.address.host):\(request.address.port)" }

    /// One connection: joins or resumes, then shows what comes until it
    /// closes. nil when it dropped and the client should connect again.
    private func connectOnce(announce: Bool, seated signal: AsyncStream<Void>.Continuation) async -> End? {
        let channel: NIOAsyncChannel<InboundLine, String>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connectTimeout(.seconds(5))
                .connect(host: request.address.host, port: request.address.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let limits = LineLimits(maxLineBytes: 64 * 1024, maxUnterminatedBytes: 256 * 1024)
                        try channel.pipeline.syncOperations.addHandler(
                            ByteToMessageHandler(LineFrameDecoder(limits: limits)))
                        try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(LineEncoder()))
                        return try NIOAsyncChannel<InboundLine, String>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            return nil
        }
        let end: End?? = try? await channel.executeThenClose { inbound, outbound -> End? in
            let join = "join \(request.code) \(Tokenizer.quote(request.name)) \(request.department) \(request.locale)"
            let (token, fromEarlierRun) = state.withLock { ($0.token, $0.tokenFromEarlierRun) }
            try await outbound.write(token.map { "resume \($0)" } ?? join)
            var seated = false
            var staleToken = fromEarlierRun
            for try await frame in inbound {
                guard case .line(let line) = frame else { continue }
                if !seated {
                    guard !line.hasPrefix("* ") else { continue }
                    guard line.hasPrefix("ok ") else {
                        if staleToken {
                            // The kept token is from a session that is gone: join.
                            staleToken = false
                            state.withLock { $0.token = nil }
                            try await outbound.write(join)
                            continue
                        }
                        for text in ClientText.lines(line, width: width()) { show(text) }
                        return .refused
                    }
                    seated = true
                    let token = String(line.dropFirst(3))
                    state.withLock { state in
                        state.token = token
                        state.tokenFromEarlierRun = false
                        state.writer = outbound
                    }
                    keepToken(token)
                    signal.yield()
                    say(
                        catalog.text(
                            announce ? "net.client.back" : "net.client.joined",
                            ["name": .text(request.name), "department": .text(request.department)]))
                    continue
                }
                if let end = receive(line) { return end }
            }
            return nil
        }
        state.withLock { $0.writer = nil }
        // A request the dropped connection did not answer waits no longer.
        replied()
        return end ?? nil
    }

    /// Lets the typing side send its next line.
    private func replied() {
        state.withLock { state in
            defer { state.waiting = nil }
            return state.waiting
        }?.resume()
    }

    /// Shows a line from the server; the end of the run when it says so.
    private func receive(_ line: String) -> End? {
        let (quitting, stage) = state.withLock { state in
            let before = state.completion.stage
            state.completion.absorb(line)
            return (state.quitting, state.completion.stage == before ? nil : state.completion.stage)
        }
        if let stage { stageChanged(stage) }
        // `ok` or `error` ends a reply (body lines start with `- `, pushes with `* `).
        defer { if line.hasPrefix("ok") || line.hasPrefix("error") { replied() } }
        if quitting, line.hasPrefix("ok ") {
            // The server's goodbye speaks of tokens, which this client keeps to itself.
            say(catalog.text("net.client.left"))
            return .left
        }
        for text in ClientText.lines(line, width: width()) { show(text) }
        if line.hasPrefix("* end") { return .sessionEnded }
        if line.hasPrefix("* pause") { return .paused }
        if line.hasPrefix("* kicked") || line.hasPrefix("* closing") { return .removed }
        return nil
    }
}

extension Duration {
    /// Whole milliseconds.
    fileprivate var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
