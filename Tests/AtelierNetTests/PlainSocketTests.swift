import AtelierCore
import AtelierNet
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A participant as `nc 127.0.0.1 PORT` would be: a blocking socket, typed
/// lines, and whatever comes back read as text.
@Suite("Plain socket", .timeLimit(.minutes(1)))
struct PlainSocketTests {
    @Test func aPersonWithNetcatTakesPartInAStage() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        await room.goTo("ignore")
        let port = room.port
        let transcript = try await Task.detached {
            let socket = try PlainSocket(port: port)
            defer { socket.close() }
            try socket.type("join ABC234 nina legal en\r\n")
            try socket.type("rate 4\n")
            try socket.type("whoami\n")
            try socket.type("quit\n")
            return try socket.readAll()
        }.value
        let lines = transcript.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("* welcome — atelier: type join CODE NAME DEPARTMENT [LANGUAGE]") == true)
        #expect(lines.contains { $0.hasPrefix("ok ") && $0.count == 35 })
        #expect(lines.contains("* stage ignore — Looking away (stage 2 of 9)"))
        #expect(lines.contains("* item ignore — Flee and close our eyes"))
        let replies = lines.filter { $0.hasPrefix("ok") || $0.hasPrefix("error") }
        #expect(replies.count == 4)
        #expect(
            replies.dropFirst().map { $0 } == [
                "ok ignore: 4 (Exactly us) recorded",
                "ok nina for legal, reading English",
                "ok goodbye; join again with the code to come back",
            ])
        #expect(lines.last == "")
        try await eventually { room.events.last?.event == .participantLeft(name: "nina") }
        #expect(
            room.events.contains {
                $0.event == .rated(rater: .participant("nina"), stage: "ignore", item: "ignore", value: 4)
            })
    }
}

/// A blocking TCP socket with a receive timeout.
struct PlainSocket {
    struct Failure: Error { let what: String }

    let descriptor: Int32

    init(port: Int) throws {
        descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(what: "socket") }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure(what: "connect") }
    }

    func type(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(descriptor, bytes, bytes.count, 0) == bytes.count else { throw Failure(what: "send") }
    }

    /// Everything until the server closes the connection (at most 5 s of silence).
    func readAll() throws -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = Glibc.recv(descriptor, &buffer, buffer.count, 0)
            if count == 0 { break }
            guard count > 0 else { throw Failure(what: "recv timed out") }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    func close() { _ = Glibc.close(descriptor) }
}
