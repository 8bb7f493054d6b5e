// `atelier-bench web [--clients N] [--answers M] [--runs R] [--memory]`: N
// browser participants (WebSockets) on loopback each send M answers, one at
// a time, waiting for each acknowledgement (the page fragment the server
// sends back once the answer is stored); in the same run, the same N × M on
// the line protocol (NetBench), so the two are measured under the same load
// of the machine. Answers go to a durable store unless `--memory`.
import AtelierCore
import AtelierLive
import AtelierNet
import AtelierStore
import AtelierWeb
import Foundation
import HummingbirdTesting
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import Synchronization

enum WebBench {
    /// The first refusal a browser read, to say why answers failed.
    static let firstRefusal = Mutex<String?>(nil)

    static func run(_ arguments: [String]) async throws {
        var options = NetBench.Options()
        options.clients = 500
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            switch flag {
            case "--clients": options.clients = Int(rest.popFirst() ?? "") ?? options.clients
            case "--answers": options.answers = Int(rest.popFirst() ?? "") ?? options.answers
            case "--runs": options.runs = max(1, Int(rest.popFirst() ?? "") ?? options.runs)
            case "--memory": options.memory = true
            default:
                print("usage: atelier-bench web [--clients N] [--answers M] [--runs R] [--memory]")
                exit(2)
            }
        }
        let journal = options.memory ? "journal in memory" : "durable store (WAL, synchronous=FULL)"
        print(
            "web: \(options.clients) participants × \(options.answers) answers on 127.0.0.1, WebSocket and line protocol "
                + "in turn, all joined then answering together, one at a time each, \(journal), \(options.runs) runs")
        var lines: [NetBench.Run] = []
        var webs: [NetBench.Run] = []
        var lost = (line: 0, web: 0)
        for run in 1...options.runs {
            let (line, lineStored) = try await NetBench.measureAtelier(options)
            NetBench.report("run \(run) line protocol", line)
            let (web, webStored) = try await measureWeb(options)
            NetBench.report("run \(run) WebSocket", web)
            lines.append(line)
            webs.append(web)
            lost.line += max(0, line.latencies.count - lineStored)
            lost.web += max(0, web.latencies.count - webStored)
        }
        let ms = { (nanoseconds: UInt64) in String(format: "%.2f ms", Double(nanoseconds) / 1e6) }
        func median(_ runs: [NetBench.Run], _ p: Double) -> String {
            ms(NetBench.median(runs.map { NetBench.percentile($0.latencies, p) }))
        }
        print(
            "median of \(options.runs) runs: line protocol p50 \(median(lines, 0.5)), p99 \(median(lines, 0.99)); "
                + "WebSocket p50 \(median(webs, 0.5)), p99 \(median(webs, 0.99))")
        let failed = (lines.reduce(0) { $0 + $1.failed }, webs.reduce(0) { $0 + $1.failed })
        if let refusal = firstRefusal.withLock({ $0 }) { print("first refusal on the web: \(refusal)") }
        print(
            "refused or unanswered: line \(failed.0), web \(failed.1); lost (acknowledged, not stored): line \(lost.line), web \(lost.web)"
        )
        print("peak RSS (VmHWM): \(NetBench.peakKiB() / 1024) MiB")
    }

    static func measureWeb(_ options: NetBench.Options) async throws -> (NetBench.Run, Int) {
        let (session, count) = try await NetBench.benchSession(options)
        let configuration = NetConfiguration(
            code: "BENCH2", maxParticipants: options.clients + 10, joinTimeout: .seconds(300),
            floodBurst: options.answers + 10, floodPerSecond: 1000)
        let text = try String(contentsOfFile: "locales/en.yaml", encoding: .utf8)
        let french = try String(contentsOfFile: "locales/fr.yaml", encoding: .utf8)
        guard let en = CatalogParser.parse(text).catalog, let fr = CatalogParser.parse(french).catalog else {
            throw NetBench.BenchError("locales")
        }
        let quiet = Logger(label: "atelier.bench") { _ in SwiftLogNoOpLogHandler() }
        let server = try ParticipantServer(
            session: session, catalogs: ["en": en, "fr": fr], facilitator: en, configuration: configuration,
            logger: quiet)
        _ = try await server.start()
        let feed = await server.feed()
        let reading = Task { for await _ in feed {} }
        defer { reading.cancel() }
        let web = WebServer(configuration: WebConfiguration(host: "127.0.0.1", port: 0), logger: quiet)
        guard let door = server.door else { throw NetBench.BenchError("door") }
        _ = try await web.start(door: door, catalog: en)
        let port = web.port ?? 0
        // Each participant joins with the join form (HTTP), and keeps its cookie.
        var tokens: [String] = []
        let http = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(60)))
        http.connect()
        for index in 0..<options.clients {
            let body = "code=BENCH2&name=w\(index)&department=marketing&lang=en"
            let response = try await http.execute(
                .init(
                    "/join", method: .post, authority: "127.0.0.1:\(port)",
                    headers: [
                        .origin: "http://127.0.0.1:\(port)", .contentType: "application/x-www-form-urlencoded",
                    ],
                    body: ByteBuffer(string: body)))
            let cookie = response.headers[values: .setCookie].first { $0.hasPrefix("atelier_seat=") } ?? ""
            tokens.append(String(cookie.dropFirst("atelier_seat=".count).prefix { $0 != ";" }))
        }
        try await http.shutdown()
        let items = ["control", "understanding", "strategy"]
        let gate = Gate(expected: options.clients)
        let runs = try await withThrowingTaskGroup(of: [UInt64].self) { group in
            for (index, token) in tokens.enumerated() {
                group.addTask {
                    let answers = (0..<options.answers).map { step in
                        "{\"op\":\"rate\",\"item\":\"\(items[(step + index) % 3])\",\"value\":\"\((step + index) % 5)\"}"
                    }
                    let latencies =
                        (try? await answer(port: port, token: token, answers: answers, gate: gate)) ?? []
                    return latencies + Array(repeating: UInt64.max, count: options.answers - latencies.count)
                }
            }
            await gate.waitAll()
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = NetBench.cpuSeconds()
            var all: [UInt64] = []
            for try await latencies in group { all += latencies }
            return (all, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, NetBench.cpuSeconds() - cpuStart)
        }
        let rss = NetBench.residentKiB()
        await web.stop()
        await server.stop()
        let failed = runs.0.filter { $0 == UInt64.max }.count
        let run = NetBench.Run(
            latencies: runs.0.filter { $0 != UInt64.max }.sorted(), seconds: runs.1, failed: failed, rssKiB: rss,
            cpuSeconds: runs.2)
        return (run, count())
    }

    private enum Upgrade: Sendable {
        case socket(NIOAsyncChannel<WebSocketFrame, WebSocketFrame>)
        case refused
    }

    /// One browser participant: opens the page's socket with its cookie (and
    /// the page's Origin, as a browser sends it), waits for its page, then,
    /// once everyone is in, sends each answer and waits for the page that
    /// acknowledges it. The latencies (`UInt64.max`: refused).
    static func answer(port: Int, token: String, answers: [String], gate: Gate) async throws -> [UInt64] {
        let head = HTTPRequestHead(
            version: .http1_1, method: .GET, uri: "/ws",
            headers: [
                "Host": "127.0.0.1:\(port)", "Origin": "http://127.0.0.1:\(port)", "Cookie": "atelier_seat=" + token,
            ])
        let upgrade = try await ClientBootstrap(group: NetBench.clientGroup)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let upgrader = NIOTypedWebSocketClientUpgrader<Upgrade>(maxFrameSize: 1 << 20) { channel, _ in
                        channel.eventLoop.makeCompletedFuture {
                            .socket(try NIOAsyncChannel(wrappingChannelSynchronously: channel))
                        }
                    }
                    let configuration = NIOTypedHTTPClientUpgradeConfiguration<Upgrade>(
                        upgradeRequestHead: head, upgraders: [upgrader],
                        notUpgradingCompletionHandler: { $0.eventLoop.makeCompletedFuture { .refused } })
                    // The server's first page may come in the same read as its 101: keep those bytes.
                    var pipeline = NIOUpgradableHTTPClientPipelineConfiguration(upgradeConfiguration: configuration)
                    pipeline.leftOverBytesStrategy = .forwardBytes
                    return try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(
                        configuration: pipeline)
                }
            }
        guard case .socket(let channel) = try await upgrade.get() else {
            await gate.arrive()
            return []
        }
        return try await channel.executeThenClose { inbound, outbound in
            var frames = inbound.makeAsyncIterator()
            /// The next page; pings are answered on the way, as a browser does.
            func page() async throws -> String? {
                while let frame = try await frames.next() {
                    switch frame.opcode {
                    case .text: return String(buffer: frame.unmaskedData)
                    case .connectionClose: return nil
                    case .ping:
                        try await outbound.write(
                            WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData))
                    default: continue
                    }
                }
                return nil
            }
            _ = try await page()
            await gate.arrive()
            var latencies: [UInt64] = []
            for answer in answers {
                let start = DispatchTime.now().uptimeNanoseconds
                try await outbound.write(
                    WebSocketFrame(fin: true, opcode: .text, maskKey: .random(), data: ByteBuffer(string: answer)))
                guard let page = try await page() else { break }
                let elapsed = DispatchTime.now().uptimeNanoseconds - start
                if let refusal = page.firstRange(of: "class=\"refusal\"") {
                    latencies.append(UInt64.max)
                    if firstRefusal.withLock({ $0 == nil }) {
                        let sentence = page[refusal.upperBound...].drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
                        firstRefusal.withLock { $0 = String(sentence) }
                    }
                } else {
                    latencies.append(elapsed)
                }
            }
            return latencies
        }
    }

    /// Holds everyone until all have arrived, so the answers start together.
    actor Gate {
        private let expected: Int
        private var arrived = 0
        private var waiting: [CheckedContinuation<Void, Never>] = []
        private var allIn: [CheckedContinuation<Void, Never>] = []

        init(expected: Int) { self.expected = expected }

        func arrive() async {
            arrived += 1
            if arrived == expected {
                for continuation in allIn + waiting { continuation.resume() }
                allIn = []
                waiting = []
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }

        func waitAll() async {
            guard arrived < expected else { return }
            await withCheckedContinuation { allIn.append($0) }
        }
    }
}
