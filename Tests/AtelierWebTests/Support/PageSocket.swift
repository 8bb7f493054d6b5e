import Foundation
import Hummingbird
import HummingbirdWSClient
import Logging
import Synchronization

/// A page's WebSocket to the room over 127.0.0.1, as the script opens it:
/// the page's Origin and the seat cookie. It keeps every message received
/// and the close code; every wait is bounded.
final class PageSocket: Sendable {
    struct Timeout: Error {}

    private let received = Mutex<[String]>([])
    private let closed = Mutex<(done: Bool, code: UInt16?)>((false, nil))
    private let outgoing: AsyncStream<String>.Continuation

    private init(outgoing: AsyncStream<String>.Continuation) {
        self.outgoing = outgoing
    }

    static func open(_ room: WebTestRoom, path: String = "/ws", token: String?, origin: String? = nil) -> PageSocket {
        let (messages, outgoing) = AsyncStream<String>.makeStream()
        let socket = PageSocket(outgoing: outgoing)
        var headers: HTTPFields = [.origin: origin ?? room.origin]
        if let token { headers[.cookie] = "atelier_seat=" + token }
        let logger = Logger(label: "atelier.web.test") { _ in SwiftLogNoOpLogHandler() }
        Task {
            let frame = try? await WebSocketClient.connect(
                url: "ws://\(room.authority)\(path)", configuration: .init(additionalHeaders: headers), logger: logger
            ) { inbound, outbound, _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await message in inbound.messages(maxSize: 1 << 20) {
                            if case .text(let text) = message { socket.received.withLock { $0.append(text) } }
                        }
                    }
                    group.addTask {
                        for await text in messages { try await outbound.write(.text(text)) }
                        try await outbound.close(.normalClosure, reason: nil)
                    }
                    try await group.next()
                    group.cancelAll()
                }
            }
            let code: UInt16? =
                switch frame?.closeCode {
                case .unknown(let code)?: code
                case .goingAway?: 1001
                case .normalClosure?: 1000
                case .messageTooLarge?: 1009
                default: nil
                }
            socket.closed.withLock { $0 = (true, code) }
        }
        return socket
    }

    func send(_ fields: [String: String]) throws {
        let data = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        outgoing.yield(String(decoding: data, as: UTF8.self))
    }

    func sendRaw(_ text: String) { outgoing.yield(text) }

    func close() { outgoing.finish() }

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
        throw Timeout()
    }

    /// Waits for the server to close the socket; its close code.
    func closeCode() async throws -> UInt16? {
        for _ in 0..<500 {
            if let code = closed.withLock({ $0.done ? $0.code : nil }) { return code }
            if closed.withLock({ $0.done }) { return nil }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw Timeout()
    }
}
