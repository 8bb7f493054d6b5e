// `atelier-bench net [--clients N] [--answers M] [--runs R] [--memory | --store PATH]`:
// N participants on loopback each send M answers, one at a time, waiting for
// each acknowledgement; the same clients against a bare SwiftNIO echo server,
// in the same run, give the floor to compare with. The two alternate R times
// (the machine's noise falls on both) and the medians are compared. Answers
// go to a durable store, as in `atelier run --listen` (a fresh file in the
// temporary folder unless `--store` names one); `--memory` measures the
// server alone, with the journal in memory.
import AtelierCore
import AtelierLive
import AtelierNet
import AtelierStore
import Foundation
import NIOCore
import NIOPosix

enum NetBench {
    struct Options {
        var clients = 1000
        var answers = 20
        var runs = 5
        var memory = false
        var store: String?
    }

    struct Run {
        var latencies: [UInt64]
        var seconds: Double
        var failed: Int
        var rssKiB: Int
        /// CPU time of the whole process (server and clients) during the run.
        var cpuSeconds: Double
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func run(_ arguments: [String]) async throws {
        var options = Options()
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            switch flag {
            case "--clients": options.clients = Int(rest.popFirst() ?? "") ?? options.clients
            case "--answers": options.answers = Int(rest.popFirst() ?? "") ?? options.answers
            case "--runs": options.runs = max(1, Int(rest.popFirst() ?? "") ?? options.runs)
            case "--memory": options.memory = true
            case "--store": options.store = rest.popFirst()
            default:
                print("usage: atelier-bench net [--clients N] [--answers M] [--runs R] [--memory | --store PATH]")
                exit(2)
            }
        }
        let baseline = residentKiB()
        let journal = options.memory ? "journal in memory" : "durable store (WAL, synchronous=FULL)"
        print(
            "net: \(options.clients) clients × \(options.answers) answers on 127.0.0.1: all join, then answer together, one at a time per client, "
                + "\(journal), \(options.runs) runs")
        print("RSS before: \(baseline / 1024) MiB")

        var echoes: [Run] = []
        var ateliers: [Run] = []
        var lost = 0
        for run in 1...options.runs {
            let echo = try await measureEcho(options)
            report("run \(run) echo (bare SwiftNIO)", echo)
            let (atelier, stored) = try await measureAtelier(options)
            report("run \(run) atelier", atelier)
            echoes.append(echo)
            ateliers.append(atelier)
            lost += max(0, atelier.latencies.count - stored)
        }
        let ms = { (nanoseconds: UInt64) in String(format: "%.2f ms", Double(nanoseconds) / 1e6) }
        let echoP99 = median(echoes.map { percentile($0.latencies, 0.99) })
        let atelierP99 = median(ateliers.map { percentile($0.latencies, 0.99) })
        print(
            "median of \(options.runs) runs: echo p50 \(ms(median(echoes.map { percentile($0.latencies, 0.5) }))), "
                + "p99 \(ms(echoP99)); atelier p50 \(ms(median(ateliers.map { percentile($0.latencies, 0.5) }))), "
                + "p99 \(ms(atelierP99))")
        print(String(format: "p99 atelier / p99 echo: %.2f (target ≤ 3)", Double(atelierP99) / Double(max(1, echoP99))))
        let failed = ateliers.reduce(0) { $0 + $1.failed }
        print("answers refused or unanswered: \(failed); lost (acknowledged, not stored): \(lost)")
        print("peak RSS (VmHWM): \(peakKiB() / 1024) MiB")
    }

    static func median(_ values: [UInt64]) -> UInt64 {
        values.sorted()[values.count / 2]
    }

    // MARK: - The two servers

    static func measureEcho(_ options: Options) async throws -> Run {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 4096)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Echo()) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        defer { server.close(promise: nil) }
        let items = ["control", "understanding", "strategy"]
        return try await drive(port: server.localAddress?.port ?? 0, options: options) { step in
            step < 0 ? "join BENCH2 p0 marketing en" : "rate \(items[step % 3]) \(step % 5)"
        }
    }

    /// A coping-patterns session on the `brakes` stage with one department, in
    /// a fresh store (or in memory), and how to count the ratings it stored.
    static func benchSession(_ options: Options) async throws -> (LiveSession, @Sendable () -> Int) {
        let text = try String(contentsOfFile: "workshops/coping-patterns.yaml", encoding: .utf8)
        guard let workshop = WorkshopParser.parse(text).workshop else { throw BenchError("workshop") }
        let journal: any EventJournal
        let count: @Sendable () -> Int
        let state: SessionState
        if !options.memory {
            let path =
                options.store ?? NSTemporaryDirectory()
                + "atelier-bench-net-\(UInt32.random(in: 0...UInt32.max)).sqlite"
            let store = try BenchStores.open(path)
            let id = "bench-\(UInt32.random(in: 0...UInt32.max))"
            state = try store.create(id: id, workshop: workshop, locale: "en", time: 0, actor: .facilitator)
            journal = store
            count = {
                defer {
                    if options.store == nil {
                        for suffix in ["", "-wal", "-shm"] {
                            try? FileManager.default.removeItem(atPath: path + suffix)
                        }
                    }
                }
                return (try? store.load(id: id))?.ratings.values.reduce(0) {
                    $0 + $1.values.reduce(0) { $0 + $1.count }
                }
                    ?? 0
            }
        } else {
            let memory = MemoryJournal()
            state = SessionState(id: "bench", workshop: workshop, locale: "en")
            journal = memory
            count = {
                memory.events(session: "bench").filter { if case .rated = $0.event { true } else { false } }.count
            }
        }
        let session = LiveSession(state: state, journal: journal)
        for command in [Action.addDepartment(id: "marketing", name: "Marketing"), .goTo(stage: "brakes")] {
            _ = await session.submit(Command(actor: .facilitator, action: command, time: 0))
        }
        return (session, count)
    }

    static func measureAtelier(_ options: Options) async throws -> (Run, Int) {
        let catalogs = try ["en", "fr"].reduce(into: [String: Catalog]()) { catalogs, language in
            let text = try String(contentsOfFile: "locales/\(language).yaml", encoding: .utf8)
            catalogs[language] = CatalogParser.parse(text).catalog
        }
        let (session, count) = try await benchSession(options)
        // Flood control is set out of the way: the clients send as fast as
        // they are answered, far above a person's 5 lines a second.
        let configuration = NetConfiguration(
            code: "BENCH2", maxParticipants: options.clients + 10, joinTimeout: .seconds(300),
            floodBurst: options.answers + 10, floodPerSecond: 1000)
        let server = try ParticipantServer(
            session: session, catalogs: catalogs, facilitator: catalogs["en"]!, configuration: configuration)
        let port = try await server.start()
        // The facilitator's live view, as `atelier run --listen` has it
        // (the count of who answered is computed for it after each write).
        let feed = await server.feed()
        let reading = Task { for await _ in feed {} }
        defer { reading.cancel() }
        let items = ["control", "understanding", "strategy"]
        let run = try await drive(port: port, options: options) { step in
            step < 0 ? nil : "rate \(items[step % 3]) \(step % 5)"
        }
        await server.stop()
        return (run, count())
    }

    // MARK: - The clients

    /// The clients' own event loops, apart from the servers'.
    static let clientGroup = MultiThreadedEventLoopGroup(numberOfThreads: 2)

    /// Connects every client and has it send `join` (its reply ends the
    /// first phase), then starts them all at once: each sends its answers one
    /// at a time. Only the second phase is timed and counted as answers, so
    /// all the clients are in the room and answering together, as after a
    /// facilitator's `next`. `line(-1)` is the join line (nil: the protocol's join).
    static func drive(port: Int, options: Options, line: @escaping @Sendable (Int) -> String?) async throws -> Run {
        var clients: [(channel: any Channel, client: BenchClient, joined: EventLoopFuture<Void>)] = []
        for index in 0..<options.clients {
            let loop = clientGroup.next()
            let client = BenchClient(
                join: line(-1) ?? "join BENCH2 p\(index) marketing en",
                answers: (0..<options.answers).map { line($0 + index) ?? "" },
                joined: loop.makePromise(), done: loop.makePromise())
            let channel = try await ClientBootstrap(group: loop)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(client) }
                }
                .connect(host: "127.0.0.1", port: port).get()
            clients.append((channel, client, client.joined.futureResult))
        }
        for client in clients { try await client.joined.get() }
        let start = NIODeadline.now()
        let cpuStart = cpuSeconds()
        for (channel, client, _) in clients { channel.eventLoop.execute { client.start() } }
        var latencies: [UInt64] = []
        var failed = 0
        for (_, client, _) in clients {
            let measured = try await client.done.futureResult.get()
            failed += measured.filter { $0 == UInt64.max }.count
            latencies += measured.filter { $0 != UInt64.max }
        }
        let seconds = Double((NIODeadline.now() - start).nanoseconds) / 1e9
        let cpu = cpuSeconds() - cpuStart
        let rss = residentKiB()
        for (channel, _, _) in clients { try? await channel.close() }
        return Run(latencies: latencies.sorted(), seconds: seconds, failed: failed, rssKiB: rss, cpuSeconds: cpu)
    }

    /// One client on its event loop: sends its join line and waits for the
    /// reply; once started, sends a line, waits for the reply line (pushes,
    /// marked `* `, are skipped), notes the time, sends the next.
    final class BenchClient: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        private let join: String
        private let answers: [String]
        let joined: EventLoopPromise<Void>
        let done: EventLoopPromise<[UInt64]>
        private var context: ChannelHandlerContext?
        /// -1 while joining, then the index of the answer awaited.
        private var next = -1
        private var sentAt: UInt64 = 0
        private var pending = ByteBuffer()
        private var latencies: [UInt64] = []

        init(join: String, answers: [String], joined: EventLoopPromise<Void>, done: EventLoopPromise<[UInt64]>) {
            self.join = join
            self.answers = answers
            self.joined = joined
            self.done = done
        }

        func channelActive(context: ChannelHandlerContext) {
            self.context = context
            send(join, context: context)
        }

        /// On the channel's event loop, once every client has joined.
        func start() {
            guard let context, next == 0 else { return }
            send(answers[0], context: context)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            pending.writeBuffer(&buffer)
            while let newline = pending.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
                let first = pending.readableBytesView[pending.readerIndex..<newline].first
                pending.moveReaderIndex(to: newline + 1)
                if first == UInt8(ascii: "*") { continue }
                let elapsed = NIODeadline.now().uptimeNanoseconds - sentAt
                guard next >= 0 else {
                    next = 0
                    joined.succeed()
                    continue
                }
                // Replies: `ok ...` from atelier, the line itself from the echo.
                let accepted = first == UInt8(ascii: "o") || first == UInt8(ascii: "r")
                latencies.append(accepted ? elapsed : UInt64.max)
                next += 1
                guard next < answers.count else {
                    done.succeed(latencies)
                    return
                }
                send(answers[next], context: context)
            }
            pending.discardReadBytes()
        }

        func channelInactive(context: ChannelHandlerContext) {
            self.context = nil
            joined.succeed()
            done.succeed(latencies + Array(repeating: UInt64.max, count: answers.count - latencies.count))
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }

        private func send(_ line: String, context: ChannelHandlerContext) {
            sentAt = NIODeadline.now().uptimeNanoseconds
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: line + "\n")), promise: nil)
        }
    }

    final class Echo: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            context.writeAndFlush(data, promise: nil)
        }
    }

    // MARK: - Figures

    static func report(_ name: String, _ run: Run) {
        let ms = { (nanoseconds: UInt64) in String(format: "%.2f ms", Double(nanoseconds) / 1e6) }
        print(
            "\(name): p50 \(ms(percentile(run.latencies, 0.5))), p99 \(ms(percentile(run.latencies, 0.99))), "
                + "max \(ms(run.latencies.last ?? 0)), total \(String(format: "%.2f s", run.seconds)) "
                + "(\(Int(Double(run.latencies.count) / run.seconds)) answers/s), "
                + String(
                    format: "CPU %.2f s (%.0f µs an answer), ", run.cpuSeconds,
                    run.cpuSeconds / Double(max(1, run.latencies.count)) * 1e6)
                + "failed \(run.failed), RSS with clients connected \(run.rssKiB / 1024) MiB")
    }

    static func percentile(_ sorted: [UInt64], _ p: Double) -> UInt64 {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }

    static func residentKiB() -> Int { status("VmRSS:") }
    static func peakKiB() -> Int { status("VmHWM:") }

    static func status(_ field: String) -> Int {
        let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = text.split(separator: "\n").first { $0.hasPrefix(field) } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    struct BenchError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
