import NIOCore
import NIOPosix
import Synchronization

/// A test participant speaking the protocol as typed text over a real TCP
/// connection to 127.0.0.1. Every wait is bounded.
final class TestClient: Sendable {
    struct Timeout: Error, CustomStringConvertible {
        let waitingFor: String
        var description: String { "timed out waiting for \(waitingFor)" }
    }

    struct Closed: Error {}

    let channel: any Channel
    private let inbox: LineInbox

    private init(channel: any Channel, inbox: LineInbox) {
        self.channel = channel
        self.inbox = inbox
    }

    /// Connects; `reading: false` makes a client that never reads (a stuck client).
    static func connect(port: Int, reading: Bool = true, receiveBuffer: Int? = nil) async throws -> TestClient {
        let inbox = LineInbox()
        var bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.autoRead, value: reading)
        if let receiveBuffer {
            bootstrap = bootstrap.channelOption(.socketOption(.so_rcvbuf), value: SocketOptionValue(receiveBuffer))
        }
        let channel = try await bootstrap.channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(Collector(inbox: inbox))
            }
        }.connect(host: "127.0.0.1", port: port).get()
        return TestClient(channel: channel, inbox: inbox)
    }

    func send(_ line: String) async throws {
        try await sendRaw(Array((line + "\n").utf8))
    }

    func sendRaw(_ bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(ByteBuffer(bytes: bytes))
    }

    /// The next line from the server.
    func line(within timeout: Duration = .seconds(5)) async throws -> String {
        guard let line = try await inbox.next(within: timeout) else { throw Closed() }
        return line
    }

    /// The lines of the next reply: `- ` body lines and the final `ok`/`error`
    /// line, skipping pushes (`* `), which are kept for `pushes`.
    func reply(within timeout: Duration = .seconds(5)) async throws -> [String] {
        var lines: [String] = []
        while true {
            let line = try await line(within: timeout)
            if line.hasPrefix("* ") {
                inbox.keepPush(line)
                continue
            }
            lines.append(line)
            if line == "ok" || line.hasPrefix("ok ") || line.hasPrefix("error ") { return lines }
        }
    }

    /// Sends a line and returns its final reply line.
    func ask(_ line: String) async throws -> String {
        try await send(line)
        return try await reply().last ?? ""
    }

    /// Reads lines until one satisfies `match`; pushes read by `reply` count too.
    func waitFor(within timeout: Duration = .seconds(5), _ match: (String) -> Bool) async throws -> String {
        if let kept = inbox.takePush(match) { return kept }
        while true {
            let line = try await line(within: timeout)
            if match(line) { return line }
        }
    }

    /// Pushes (`* `) read while waiting for replies, in order, and forgets them.
    func keptPushes() -> [String] { inbox.takeAllPushes() }

    /// Reads until the server closes the connection; the lines read meanwhile.
    func readUntilClosed(within timeout: Duration = .seconds(5)) async throws -> [String] {
        var lines: [String] = []
        while let line = try await inbox.next(within: timeout) { lines.append(line) }
        return lines
    }

    func close() async {
        try? await channel.close()
    }

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let inbox: LineInbox

        init(inbox: LineInbox) { self.inbox = inbox }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            inbox.receive(buffer.readBytes(length: buffer.readableBytes) ?? [])
        }

        func channelInactive(context: ChannelHandlerContext) {
            inbox.receiveEOF()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }
}

/// Bytes in, lines out, with a bounded wait for the next line.
final class LineInbox: Sendable {
    private struct State {
        var pending: [UInt8] = []
        var lines: [String] = []
        var eof = false
        var pushes: [String] = []
        var waiter: (id: Int, continuation: CheckedContinuation<String?, any Error>)?
        var nextWaiter = 0
    }

    private let state = Mutex(State())

    func receive(_ bytes: [UInt8]) {
        let resumed = state.withLock { state -> (CheckedContinuation<String?, any Error>, String)? in
            state.pending.append(contentsOf: bytes)
            while let newline = state.pending.firstIndex(of: UInt8(ascii: "\n")) {
                state.lines.append(String(decoding: state.pending[..<newline], as: UTF8.self))
                state.pending.removeSubrange(...newline)
            }
            guard let waiter = state.waiter, !state.lines.isEmpty else { return nil }
            state.waiter = nil
            return (waiter.continuation, state.lines.removeFirst())
        }
        if let (continuation, line) = resumed { continuation.resume(returning: line) }
    }

    func receiveEOF() {
        let waiter = state.withLock { state -> CheckedContinuation<String?, any Error>? in
            state.eof = true
            defer { state.waiter = nil }
            return state.waiter?.continuation
        }
        waiter?.resume(returning: nil)
    }

    func keepPush(_ line: String) { state.withLock { $0.pushes.append(line) } }

    func takePush(_ match: (String) -> Bool) -> String? {
        state.withLock { state in
            guard let index = state.pushes.firstIndex(where: match) else { return nil }
            let line = state.pushes[index]
            state.pushes.removeSubrange(...index)
            return line
        }
    }

    func takeAllPushes() -> [String] {
        state.withLock { state in
            defer { state.pushes = [] }
            return state.pushes
        }
    }

    /// The next line; nil once the connection is closed and every line read.
    func next(within timeout: Duration) async throws -> String? {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        let timer = Task {
            try await Task.sleep(for: timeout)
            let waiter = state.withLock { state -> CheckedContinuation<String?, any Error>? in
                guard let waiter = state.waiter, waiter.id == id else { return nil }
                state.waiter = nil
                return waiter.continuation
            }
            waiter?.resume(throwing: TestClient.Timeout(waitingFor: "a line"))
        }
        defer { timer.cancel() }
        return try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLock { state -> String?? in
                if !state.lines.isEmpty { return .some(state.lines.removeFirst()) }
                if state.eof { return .some(nil) }
                state.waiter = (id, continuation)
                return .none
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
