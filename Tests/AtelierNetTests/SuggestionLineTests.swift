import AtelierCore
import Foundation
import Testing

@testable import AtelierNet

/// A participant's typo in an id or a command gets the same "did you mean"
/// as the facilitator's in the REPL.
@Suite struct SuggestionLineTests {
    @Test func typosInIdsAndCommandsGetDidYouMean() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        await room.goTo("brakes")
        let port = room.port
        let transcript = try await Task.detached {
            let socket = try PlainSocket(port: port)
            defer { socket.close() }
            try socket.type("join ABC234 nina legl en\n")
            try socket.type("join ABC234 nina legal en\n")
            try socket.type("rtae 4\n")
            try socket.type("rate contrl 4\n")
            try socket.type("quit\n")
            return try socket.readAll()
        }.value
        let lines = transcript.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let errors = lines.filter { $0.hasPrefix("error") }
        #expect(
            errors == [
                "error unknown department \"legl\"; did you mean \"legal\"? known: marketing, legal",
                "error unknown command \"rtae\"; did you mean \"rate\"? commands: join, resume, rate, pick, strategy, "
                    + "knows, shares, note, stage, results, whoami, locale, help, quit",
                "error unknown item \"contrl\" on stage \"brakes\"; did you mean \"control\"? "
                    + "items: control, understanding, strategy",
            ])
        #expect(!room.events.contains { if case .rated = $0.event { return true } else { return false } })
    }
}
