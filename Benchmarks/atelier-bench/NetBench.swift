// `atelier-bench net [--clients N] [--answers M] [--store PATH]`: N participants
// on loopback each send M answers, one at a time, waiting for each
// acknowledgement; the same clients against a bare SwiftNIO echo server, in
// the same run, give the floor to compare with.
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
        var store: String?
    }

    struct Run {
        var latencies: [UInt64]
        var seconds: Double
        var failed: Int
        var rssKiB: Int
    }

    static func run(_ arguments: [String]) async throws {
        var options = Options()
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            switch flag {
            case "--clients": options.clients = Int(rest.popFirst() ?? "") ?? options.clients
            case "--answers": options.answers = Int(rest.popFirst() ?? "") ?? options.answers
            case "--store": options.store = rest.popFirst()
            default:
                print("usage: atelier-bench net [--clients N] [--answers M] [--store PATH]")
                exit(2)
            }
        }
        let baseline = residentKiB()
        print("net: \(options.clients) clients × \(options.answers) answers on 127.0.0.1, one at a time per client")
        print("RSS before: \(baseline / 1024) MiB")

        let echo = try await measureEcho(options)
        report("echo (bare SwiftNIO)", echo, options)
        let (atelier, stored) = try await measureAtelier(options)
        report("atelier", atelier, options)

        let expected = options.clients * options.answers
        let p99Ratio = Double(percentile(atelier.latencies, 0.99)) / Double(max(1, percentile(echo.latencies, 0.99)))
        print(String(format: "p99 atelier / p99 echo: %.2f (target ≤ 3)", p99Ratio))
        print("answers acknowledged: \(atelier.latencies.count - atelier.failed) of \(expected); stored: \(stored)")
        print("lost: \(expected - stored)")
        print("peak RSS (VmHWM): \(peakKiB() / 1024) MiB")
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

    static func measureAtelier(_ options: Options) async throws -> (Run, Int) {
        let text = try String(contentsOfFile: "workshops/coping-patterns.yaml", encoding: .utf8)
        guard let workshop = WorkshopParser.parse(text).workshop else { throw BenchError("workshop") }
        let catalogs = try ["en", "fr"].reduce(into: [String: Catalog]()) { catalogs, language in
            let text = try String(contentsOfFile: "locales/\(language).yaml", encoding: .utf8)
            catalogs[language] = CatalogParser.parse(text).catalog
        }
        let journal: any EventJournal
        let count: () -> Int
        var state: SessionState
        if let path = options.store {
            let store = try SessionStore(path: path)
            let id = "bench-\(UInt32.random(in: 0...UInt32.max))"
            state = try store.create(id: id, workshop: workshop, locale: "en", time: 0)
            journal = store
            count = {
                (try? store.load(id: id))?.ratings.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } } ?? 0
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
        state = await session.state
        // Flood control is set out of the way: the clients send as fast as
        // they are answered, far above a person's 5 lines a second.
        let configuration = NetConfiguration(
            code: "BENCH2", maxParticipants: options.clients + 10, joinTimeout: .seconds(300),
            floodBurst: options.answers + 10, floodPerSecond: 1000)
        let server = try ParticipantServer(
            session: session, catalogs: catalogs, facilitator: catalogs["en"]!, configuration: configuration)
        let port = try await server.start()
        let items = ["control", "understanding", "strategy"]
        let run = try await drive(port: port, options: options) { step in
            step < 0 ? nil : "rate \(items[step % 3]) \(step % 5)"
        }
        await server.stop()
        return (run, count())
    }

    // MARK: - The clients

    /// Connects every client, sends `join`, then the answers one at a time.
    /// `line(-1)` is the join line (nil: the protocol's join).
    static func drive(port: Int, options: Options, line: @escaping @Sendable (Int) -> String?) async throws -> Run {
        let start = NIODeadline.now()
        var results: [EventLoopFuture<[UInt64]>] = []
        var channels: [any Channel] = []
        for index in 0..<options.clients {
            let promise = MultiThreadedEventLoopGroup.singleton.next().makePromise(of: [UInt64].self)
            let join = line(-1) ?? "join BENCH2 p\(index) marketing en"
            let answers = (0..<options.answers).map { line($0 + index) ?? "" }
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            BenchClient(join: join, answers: answers, done: promise))
                    }
                }
                .connect(host: "127.0.0.1", port: port).get()
            channels.append(channel)
            results.append(promise.futureResult)
        }
        var latencies: [UInt64] = []
        var failed = 0
        for result in results {
            let measured = try await result.get()
            failed += measured.filter { $0 == UInt64.max }.count
            latencies += measured.filter { $0 != UInt64.max }
        }
        let seconds = Double((NIODeadline.now() - start).nanoseconds) / 1e9
        let rss = residentKiB()
        for channel in channels { try? await channel.close() }
        return Run(latencies: latencies.sorted(), seconds: seconds, failed: failed, rssKiB: rss)
    }

    /// One client on its event loop: sends a line, waits for the reply line
    /// (pushes, marked `* `, are skipped), notes the time, sends the next.
    final class BenchClient: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        private let join: String
        private let answers: [String]
        private let done: EventLoopPromise<[UInt64]>
        private var next = -1
        private var sentAt: UInt64 = 0
        private var pending: [UInt8] = []
        private var latencies: [UInt64] = []

        init(join: String, answers: [String], done: EventLoopPromise<[UInt64]>) {
            self.join = join
            self.answers = answers
            self.done = done
        }

        func channelActive(context: ChannelHandlerContext) {
            send(join, context: context)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            pending += buffer.readBytes(length: buffer.readableBytes) ?? []
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = pending[..<newline]
                pending.removeSubrange(...newline)
                if line.starts(with: Array("* ".utf8)) { continue }
                let elapsed = NIODeadline.now().uptimeNanoseconds - sentAt
                if next >= 0 {
                    let accepted = line.starts(with: Array("ok".utf8)) || line.starts(with: Array("rate".utf8))
                    latencies.append(accepted ? elapsed : UInt64.max)
                }
                next += 1
                guard next < answers.count else {
                    done.succeed(latencies)
                    return
                }
                send(answers[next], context: context)
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
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

    static func report(_ name: String, _ run: Run, _ options: Options) {
        let ms = { (nanoseconds: UInt64) in String(format: "%.2f ms", Double(nanoseconds) / 1e6) }
        print(
            "\(name): p50 \(ms(percentile(run.latencies, 0.5))), p99 \(ms(percentile(run.latencies, 0.99))), "
                + "max \(ms(run.latencies.last ?? 0)), total \(String(format: "%.2f s", run.seconds)) "
                + "(\(Int(Double(run.latencies.count) / run.seconds)) answers/s), failed \(run.failed), "
                + "RSS with clients connected \(run.rssKiB / 1024) MiB")
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
