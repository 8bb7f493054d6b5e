import NIOCore
import NIOPosix
import Synchronization

/// A terminal participant for the tests: the line protocol over a real TCP
/// connection to 127.0.0.1, every wait bounded.
final class LineClient: Sendable {
    struct Timeout: Error {}

    private let channel: any Channel
    private let inbox: Inbox

    private init(channel: any Channel, inbox: Inbox) {
        self.channel = channel
        self.inbox = inbox
    }

    static func connect(port: Int) async throws -> LineClient {
        let inbox = Inbox()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Collector(inbox: inbox))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return LineClient(channel: channel, inbox: inbox)
    }

    func send(_ line: String) async throws {
        try await channel.writeAndFlush(ByteBuffer(string: line + "\n"))
    }

    /// Reads lines until one that `match` accepts (looking every 10 ms, for 5 s at most).
    func waitFor(_ match: (String) -> Bool) async throws -> String {
        for _ in 0..<500 {
            if let found = inbox.take(match) { return found }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw Timeout()
    }

    /// Sends a line and returns its final reply (`ok ...` or `error ...`).
    func ask(_ line: String) async throws -> String {
        try await send(line)
        return try await waitFor { $0 == "ok" || $0.hasPrefix("ok ") || $0.hasPrefix("error ") }
    }

    func close() async { try? await channel.close() }

    /// The lines received and not yet read.
    final class Inbox: Sendable {
        private let state = Mutex<(pending: [UInt8], lines: [String])>(([], []))

        func receive(_ bytes: [UInt8]) {
            state.withLock { state in
                state.pending += bytes
                while let newline = state.pending.firstIndex(of: UInt8(ascii: "\n")) {
                    state.lines.append(String(decoding: state.pending[..<newline], as: UTF8.self))
                    state.pending.removeSubrange(...newline)
                }
            }
        }

        /// The first line `match` accepts, with the lines before it read too.
        func take(_ match: (String) -> Bool) -> String? {
            state.withLock { state in
                guard let index = state.lines.firstIndex(where: match) else {
                    state.lines = []
                    return nil
                }
                defer { state.lines.removeFirst(index + 1) }
                return state.lines[index]
            }
        }
    }

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let inbox: Inbox

        init(inbox: Inbox) { self.inbox = inbox }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            inbox.receive(buffer.readBytes(length: buffer.readableBytes) ?? [])
        }
    }
}
