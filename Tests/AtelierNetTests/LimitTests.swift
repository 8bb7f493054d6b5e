import AtelierCore
import AtelierLive
import AtelierNet
import Testing

@Suite("Limits and abuse", .timeLimit(.minutes(1)))
struct LimitTests {
    @Test func linesOverTheMaximumAreRefusedThenTheConnectionCloses() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let (alice, _) = try await room.joined("alice", "marketing")
        // Exactly the maximum is a line like any other.
        #expect(
            try await alice.ask("note " + String(repeating: "a", count: 1019))
                == "error the text is too long; at most 500 characters")
        let tooLong = "note " + String(repeating: "a", count: 1020)
        #expect(try await alice.ask(tooLong) == "error line too long: at most 1024 bytes; this line was ignored")
        #expect(try await alice.ask("whoami") == "ok alice for marketing, reading English")
        #expect(try await alice.ask(tooLong) == "error line too long: at most 1024 bytes; this line was ignored")
        try await alice.send(tooLong)
        #expect(try await alice.readUntilClosed() == ["error too many lines over 1024 bytes; the connection closes"])
        try await eventually { room.events.last?.event == .participantLeft(name: "alice") }
    }

    @Test func linesThatAreNotPlainTextAreRefusedAndChangeNothing() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let refusal =
            "error this line is not plain text (it holds control characters such as ESC or NUL, or is not UTF-8); type plain text"
        let client = try await room.client()
        // Not UTF-8 (Latin-1 "é"), then a NUL: refused before anything reads them.
        try await client.sendRaw(Array("join \(TestRoom.code) Am".utf8) + [0xE9] + Array("lie marketing\n".utf8))
        #expect(try await client.reply() == [refusal])
        try await client.sendRaw([0] + Array("join \(TestRoom.code) amelie marketing\n".utf8))
        #expect(try await client.reply() == [refusal])
        #expect(try await client.ask("join \(TestRoom.code) amelie marketing en").hasPrefix("ok "))
        let before = room.events.count
        // ESC would reach the facilitator's terminal; C1 controls (U+009B is a CSI) too. A tab is a space.
        try await client.sendRaw(Array("note \"caf\u{E9} \u{1B}[31mred\"\n".utf8))
        #expect(try await client.reply() == [refusal])
        try await client.sendRaw(Array("note \"\u{9B}2J\"\r\n".utf8))
        #expect(try await client.reply() == [refusal])
        #expect(room.events.count == before)
        #expect(try await client.ask("note\t\"caf\u{E9} cr\u{E8}me\"") == "ok note recorded")
        #expect(room.events.last?.event == .noteAdded(stage: "intro", text: "caf\u{E9} cr\u{E8}me"))
    }

    @Test func sixtyFourKilobytesWithoutANewlineCloseTheConnection() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let client = try await room.client()
        try await client.sendRaw(Array(repeating: UInt8(ascii: "x"), count: 64 * 1024 - 1))
        try await client.sendRaw([UInt8(ascii: "x")])
        #expect(
            try await client.readUntilClosed()
                == ["error more than 65536 bytes without a line break; the connection closes"])
    }

    @Test func aBurstOfTenThenFiveLinesASecond() async throws {
        let clock = ManualClock()
        let room = try await TestRoom.start { $0.clock = { clock.read() } }
        defer { Task { await room.stop() } }
        let client = try await room.client()
        let flood = "error too many lines: 10 at once, then 5 a second; this line was ignored"
        for _ in 0..<10 { #expect(try await client.ask("locale en") == "ok you now read English") }
        #expect(try await client.ask("locale en") == flood)
        clock.advance(milliseconds: 1000)
        for _ in 0..<5 { #expect(try await client.ask("locale en") == "ok you now read English") }
        #expect(try await client.ask("locale en") == flood)
        clock.advance(milliseconds: 200)
        #expect(try await client.ask("locale en") == "ok you now read English")
        #expect(try await client.ask("locale en") == flood)
        // A blank line over the limit is dropped without a word, as any blank line.
        try await client.send("")
        #expect(try await client.ask("whoami") == flood)
        clock.advance(milliseconds: 200)
        #expect(try await client.ask("locale en") == "ok you now read English")
    }

    @Test func aConnectionThatKeepsFloodingIsClosed() async throws {
        let clock = ManualClock()
        let room = try await TestRoom.start {
            $0.clock = { clock.read() }
            $0.floodRefusalsBeforeClose = 3
        }
        defer { Task { await room.stop() } }
        let client = try await room.client()
        for _ in 0..<13 { try await client.send("help") }
        let lines = try await client.readUntilClosed()
        #expect(lines.filter { $0 == "ok" }.count == 10)
        #expect(
            lines.suffix(3) == [
                "error too many lines: 10 at once, then 5 a second; this line was ignored",
                "error too many lines: 10 at once, then 5 a second; this line was ignored",
                "error too many lines refused in a row; the connection closes",
            ])
    }

    @Test func aConnectionThatDoesNotJoinIsClosed() async throws {
        let room = try await TestRoom.start { $0.joinTimeout = .milliseconds(200) }
        defer { Task { await room.stop() } }
        let client = try await room.client()
        #expect(
            try await client.readUntilClosed()
                == ["error no join within the time allowed; connect again when you are ready"])
        // A participant who joined in time stays.
        let (alice, _) = try await room.joined("alice", "marketing")
        try await Task.sleep(for: .milliseconds(400))
        #expect(try await alice.ask("whoami") == "ok alice for marketing, reading English")
    }

    /// The maximum counts joined participants: a connection that has not
    /// joined takes no seat, and a join past the maximum is refused.
    @Test func noMoreParticipantsThanTheMaximum() async throws {
        let room = try await TestRoom.start { $0.maxParticipants = 2 }
        defer { Task { await room.stop() } }
        var feed = await room.server.feed().map(\.text).makeAsyncIterator()
        let (first, _) = try await room.joined("alice", "marketing")
        _ = try await room.joined("bob", "legal")
        let third = try await room.client()
        for _ in 0..<3 {
            #expect(
                try await third.ask("join ABC234 carol legal") == "error the session is full (2 participants at most)")
        }
        // The facilitator hears of it once, not once per knock.
        #expect(
            await feed.next()
                == "! the room is full (2 participants): 127.0.0.1 could not join, and nobody else will until someone leaves (atelier run --max-participants)"
        )
        // Once a participant is gone, there is room again.
        await first.close()
        try await eventually { room.events.last?.event == .participantLeft(name: "alice") }
        #expect(try await third.ask("join ABC234 carol legal").hasPrefix("ok "))
        #expect(await feed.next() == "the room has space again; 3 joins were refused meanwhile")
    }

    @Test func theFacilitatorKicksAParticipant() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let (alice, token) = try await room.joined("alice", "marketing")
        #expect(
            await room.server.kick("alice") == (true, "alice removed from the session; their token no longer works"))
        #expect(try await alice.readUntilClosed().last == "* kicked — the facilitator removed you from the session")
        try await eventually { room.events.last?.event == .participantLeft(name: "alice") }
        #expect(room.events.last?.actor == .facilitator)
        let again = try await room.client()
        #expect(
            try await again.ask("resume \(token)")
                == "error unknown token; join again with the code, or ask the facilitator")
        #expect(
            await room.server.kick("zoe") == (false, "no participant \"zoe\" joined over the network; joined: none yet")
        )
    }

    @Test func lockedJoinsRefuseNewcomersButNotReturningParticipants() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let (alice, token) = try await room.joined("alice", "marketing")
        #expect(await room.server.setJoinsLocked(true) == "joins locked: nobody new can join (resume still works)")
        let bob = try await room.client()
        #expect(
            try await bob.ask("join ABC234 bob legal")
                == "error the facilitator has closed the session to new participants; ask them to reopen it")
        await alice.close()
        try await eventually { room.events.last?.event == .participantLeft(name: "alice") }
        let back = try await room.client()
        #expect(try await back.ask("resume \(token)") == "ok \(token)")
        #expect(await room.server.setJoinsLocked(false) == "joins open again")
        #expect(try await bob.ask("join ABC234 bob legal").hasPrefix("ok "))
    }

    @Test func aNewCodeReplacesTheOldOne() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        #expect(await room.server.currentCode() == "ABC234")
        let code = await room.server.newCode()
        #expect(code != "ABC234" && JoinCode.normalized(code) == code)
        let client = try await room.client()
        #expect(try await client.ask("join ABC234 bob legal").hasPrefix("error wrong join code"))
        #expect(try await client.ask("join \(code.lowercased()) bob legal").hasPrefix("ok "))
    }

    @Test func aClientThatStopsReadingIsDroppedWithoutDelayingTheOthers() async throws {
        let room = try await TestRoom.start {
            $0.outboxBytes = 8 * 1024
            $0.sendBufferBytes = 4 * 1024
        }
        defer { Task { await room.stop() } }
        let (stuck, _) = try await room.joined("stuck", "marketing", receiveBuffer: 4 * 1024)
        let (reader, _) = try await room.joined("reader", "legal")
        // From now on `stuck` reads nothing.
        try await stuck.channel.setOption(.autoRead, value: false).get()
        await room.goTo("ignore")
        // 4,000 pushes of about 50 bytes: far more than the 8 KiB outbox, the
        // kernel's buffers and NIO's write buffer of the stuck client hold. The
        // reader reads them as they come, 40 at a time.
        let rounds = 2000
        var locks = 0
        var unlocks = 0
        for _ in 0..<(rounds / 20) {
            for _ in 0..<20 {
                await room.facilitator(.lock)
                await room.facilitator(.unlock)
            }
            var read = 0
            while read < 40 {
                let line = try await reader.line()
                if line.hasPrefix("* lock ignore") { locks += 1 }
                if line.hasPrefix("* unlock ignore") { unlocks += 1 }
                if line.hasPrefix("* lock ") || line.hasPrefix("* unlock ") { read += 1 }
            }
        }
        #expect(locks == rounds && unlocks == rounds)
        try await eventually { room.events.contains { $0.event == .participantLeft(name: "stuck") } }
        #expect(room.session.state.participants["reader"]?.present == true)
    }
}
