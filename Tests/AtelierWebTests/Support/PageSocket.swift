import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import Synchronization

/// A page's WebSocket to the room over 127.0.0.1, as a browser's script
/// opens it: the page's Origin (exactly one), the Host, and the seat cookie.
/// It keeps every text message received and the close code; every wait is
/// bounded. (SwiftNIO's WebSocket client: the WebSocket client of
/// hummingbird-websocket always adds an Origin of its own.)
final class PageSocket: Sendable {
    /// What the socket had when a wait ran out.
    struct Timeout: Error, CustomStringConvertible {
        let messages: [String]
        let closed: Bool
        var description: String {
            "timed out; closed: \(closed); messages: \(messages.map { String($0.prefix(60)) + "…" + String($0.suffix(200)) })"
        }
    }

    private enum Upgrade: Sendable {
        case socket(NIOAsyncChannel<WebSocketFrame, WebSocketFrame>)
        case refused
    }

    private let received = Mutex<[String]>([])
    /// Done, and the code of the server's close frame if it sent one.
    private let closed = Mutex<(done: Bool, code: UInt16?)>((false, nil))
    private let outgoing: AsyncStream<WebSocketFrame>.Continuation

    private init(outgoing: AsyncStream<WebSocketFrame>.Continuation) {
        self.outgoing = outgoing
    }

    static func open(_ room: WebTestRoom, path: String = "/ws", token: String?, origin: String? = nil) -> PageSocket {
        let (frames, outgoing) = AsyncStream<WebSocketFrame>.makeStream()
        let socket = PageSocket(outgoing: outgoing)
        var headers = HTTPHeaders([("Host", room.authority), ("Origin", origin ?? room.origin)])
        if let token { headers.add(name: "Cookie", value: "atelier_seat=" + token) }
        let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: path, headers: headers)
        Task {
            defer { socket.closed.withLock { $0.done = true } }
            do {
                let upgrade = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .connect(host: "127.0.0.1", port: room.webPort) { channel in
                        channel.eventLoop.makeCompletedFuture {
                            let upgrader = NIOTypedWebSocketClientUpgrader<Upgrade>(maxFrameSize: 1 << 20) {
                                channel, _ in
                                channel.eventLoop.makeCompletedFuture {
                                    .socket(
                                        try NIOAsyncChannel<WebSocketFrame, WebSocketFrame>(
                                            wrappingChannelSynchronously: channel))
                                }
                            }
                            let configuration = NIOTypedHTTPClientUpgradeConfiguration<Upgrade>(
                                upgradeRequestHead: head, upgraders: [upgrader],
                                notUpgradingCompletionHandler: { channel in
                                    channel.eventLoop.makeCompletedFuture { .refused }
                                })
                            // The server's first page may come in the same read as its 101: keep those bytes.
                            var pipeline = NIOUpgradableHTTPClientPipelineConfiguration(
                                upgradeConfiguration: configuration)
                            pipeline.leftOverBytesStrategy = .forwardBytes
                            return try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(
                                configuration: pipeline)
                        }
                    }
                guard case .socket(let channel) = try await upgrade.get() else { return }
                try await channel.executeThenClose { inbound, outbound in
                    let (pongs, pong) = AsyncStream<WebSocketFrame>.makeStream()
                    let writing = Task {
                        // The page's frames, and a pong for each ping, as a browser answers them.
                        await withTaskGroup(of: Void.self) { group in
                            group.addTask { for await frame in frames { try? await outbound.write(frame) } }
                            group.addTask { for await frame in pongs { try? await outbound.write(frame) } }
                        }
                    }
                    defer { writing.cancel() }
                    for try await frame in inbound {
                        switch frame.opcode {
                        case .text:
                            socket.received.withLock { $0.append(String(buffer: frame.unmaskedData)) }
                        case .ping:
                            pong.yield(
                                WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData))
                        case .connectionClose:
                            var data = frame.unmaskedData
                            let code = data.readInteger(as: UInt16.self)
                            socket.closed.withLock { $0.code = code }
                            return
                        default:
                            continue
                        }
                    }
                }
            } catch {
                // Refused or cut: `closeCode` tells nil.
            }
        }
        return socket
    }

    /// Sends one text message (masked, as a browser does).
    func sendRaw(_ text: String) {
        outgoing.yield(
            WebSocketFrame(fin: true, opcode: .text, maskKey: .random(), data: ByteBuffer(string: text)))
    }

    func send(_ fields: [String: String]) throws {
        let data = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        sendRaw(String(decoding: data, as: UTF8.self))
    }

    /// Closes from the page's side, as a tab being closed does.
    func close() {
        var code = ByteBuffer()
        code.writeInteger(UInt16(1001))
        outgoing.yield(WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: code))
        outgoing.finish()
    }

    /// Every message received so far.
    var messages: [String] { received.withLock { $0 } }

    /// Waits for a message `match` accepts, among those not yet taken; takes it.
    func waitFor(_ match: (String) -> Bool) async throws -> String {
        for _ in 0..<500 {
            let found = received.withLock { messages -> String? in
                guard let index = messages.firstIndex(where: match) else { return nil }
                defer { messages.removeFirst(index + 1) }
                return messages[index]
            }
            if let found { return found }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw Timeout(messages: messages, closed: closed.withLock { $0.done })
    }

    /// Waits for the socket to end; the code of the server's close frame,
    /// nil when it sent none (refused, or cut).
    func closeCode() async throws -> UInt16? {
        for _ in 0..<500 {
            if let (done, code) = Optional(closed.withLock { ($0.done, $0.code) }), done { return code }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw Timeout(messages: messages, closed: false)
    }
}
