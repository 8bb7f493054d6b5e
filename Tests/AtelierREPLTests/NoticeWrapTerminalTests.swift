import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension ProgramTests {
    /// The real program on a narrow terminal (tmux): a notice wider than the
    /// terminal is wrapped between its words, French punctuation kept with
    /// its word, rather than cut by the terminal in the middle of a word.
    @Suite struct NoticeWrapTerminalTests {
        /// Two free ports in a row on 127.0.0.1 (participants, then browsers).
        static func freePorts() throws -> Int {
            for _ in 0..<50 {
                let port = Int.random(in: 20_000..<60_000)
                if canBind(port), canBind(port + 1) { return port }
            }
            throw CocoaError(.featureUnsupported)
        }

        static func canBind(_ port: Int) -> Bool {
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard socket >= 0 else { return false }
            defer { close(socket) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
        }

        @Test(arguments: [
            (
                "en", 60,
                [
                    "(from this machine only; to open the session to the room,",
                    "start it with --listen 0.0.0.0:PORT)",
                ]
            ),
            (
                "fr", 60,
                [
                    "(depuis cette machine seulement ; pour ouvrir la séance à la",
                    "salle, lancez-la avec --listen 0.0.0.0:PORT)",
                ]
            ),
            (
                "fr", 100,
                [
                    "(depuis cette machine seulement ; pour ouvrir la séance à la salle, lancez-la avec --listen",
                    "0.0.0.0:PORT)",
                ]
            ),
        ])
        func theLoopbackHintWrapsToTheTerminal(language: String, width: Int, hint: [String]) async throws {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            let port = try Self.freePorts()
            let environment = atelier.environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
            let arguments = [
                "run", "--store", atelier.store, "--session", "wrap", "--locale", language, "--listen",
                "127.0.0.1:\(port)",
            ].map { "'\($0)'" }.joined(separator: " ")
            let command =
                "cd '\(atelier.folder.path)' && env -i \(environment) '\(try AtelierBinary.path())' \(arguments)"
            let tmux = try Tmux("\(command); echo EXIT=$?; sleep 60", width: width, height: 50)
            defer { tmux.kill() }
            #expect(await tmux.wait(for: "atelier[intro]>").0)
            let lines = tmux.screen(history: true)
            let expected = hint.map { $0.replacingOccurrences(of: "PORT", with: String(port)) }
            let start = try #require(lines.firstIndex(of: expected[0]), "\(lines)")
            #expect(Array(lines[start..<min(lines.count, start + expected.count)]) == expected)
            // Only a word longer than the terminal (the projector's address) is left for it to cut.
            #expect(lines.filter { $0.count > width && $0.contains(" ") } == [], "\(lines)")
            try await tmux.type("quit")
            try await tmux.keys("Enter")
            #expect(await tmux.wait(for: "EXIT=0").0)
        }
    }
}
