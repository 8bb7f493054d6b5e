import AtelierCore
import AtelierLive
import AtelierNet
import Testing

@Suite("Joining and resuming", .timeLimit(.minutes(1)))
struct JoinTests {
    @Test func joinGivesATokenAndTheCurrentStage() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let client = try await room.client()
        try await client.send("join abc234 alice marketing en")
        let reply = try await client.line()
        #expect(reply.hasPrefix("ok "))
        let token = String(reply.dropFirst(3))
        #expect(token.count == 32 && token.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(try await client.line() == "* stage intro — Welcome (stage 1 of 9)")
        #expect(try await client.line().hasPrefix("* prompt — Each department answers with one voice"))
        #expect(
            try await client.line()
                == "* hint — listen to the facilitator; you may add a remark with note \"TEXT\"")
        #expect(room.events.last?.event == .participantJoined(name: "alice", department: "marketing"))
        #expect(room.events.last?.actor == .participant("alice"))
        #expect(try await client.ask("whoami") == "ok alice for marketing, reading English")
    }

    @Test func wrongCodeIsRefusedAndSlowedMoreEachTime() async throws {
        let delays = DelayRecorder()
        let log = LogRecorder()
        let room = try await TestRoom.start({ $0.penaltySleep = { delays.record($0) } }, logger: log.logger)
        defer { Task { await room.stop() } }
        let before = room.events.count
        let client = try await room.client()
        for _ in 0..<3 {
            #expect(
                try await client.ask("join ZZZ999 alice marketing")
                    == "error wrong join code; check the six characters shown by the facilitator")
        }
        let other = try await room.client()
        #expect(
            try await other.ask("resume 00000000000000000000000000000000")
                == "error unknown token; join again with the code, or ask the facilitator")
        #expect(delays.recorded == [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2)])
        #expect(room.events.count == before)
        // The failures count per address, across connections; the log tells
        // the first of each kind, and sums the next ones once a minute.
        #expect(
            log.recorded.filter { $0.hasPrefix("warning") } == [
                "warning wrong join code address=127.0.0.1 failures=1",
                "warning wrong join token address=127.0.0.1 failures=4",
            ])
    }

    @Test func unknownDepartmentIsRefused() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let client = try await room.client()
        #expect(
            try await client.ask("join ABC234 alice sales")
                == "error unknown department \"sales\"; known: marketing, legal")
        #expect(
            try await client.ask("stage") == "error join first: join CODE NAME DEPARTMENT [LANGUAGE], or resume TOKEN")
        // A department id typed in capitals is the same department.
        #expect(try await client.ask("join ABC234 alice Marketing en").hasPrefix("ok "))
        #expect(try await client.ask("whoami") == "ok alice for marketing, reading English")
        #expect(room.events.last?.event == .participantJoined(name: "alice", department: "marketing"))
    }

    @Test func aTakenNameIsRefused() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        _ = try await room.joined("alice", "marketing")
        let other = try await room.client()
        #expect(
            try await other.ask("join ABC234 alice legal")
                == "error \"alice\" is already someone's seat; if it is yours, type resume TOKEN, or ask the facilitator to free it (kick alice)"
        )
        _ = await room.facilitator(.join(name: "bob", department: "legal"))
        #expect(
            try await other.ask("join ABC234 bob legal") == "error the name \"bob\" is already taken; choose another")
    }

    @Test func aParticipantAnswersOnlyForThemselvesAndTheirDepartment() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let (alice, _) = try await room.joined("alice", "marketing")
        _ = try await room.joined("bob", "legal")
        await room.goTo("ignore")
        #expect(try await alice.ask("rate bob ignore 3") == "error you answer as \"alice\" only, not as \"bob\"")
        #expect(try await alice.ask("rate legal ignore 3") == "error you answer as \"alice\" only, not as \"legal\"")
        // The facilitator's form on a one-item stage, RATE WHO VALUE, is the same refusal.
        #expect(try await alice.ask("rate legal 3") == "error you answer as \"alice\" only, not as \"legal\"")
        #expect(try await alice.ask("rate Legal 3") == "error you answer as \"alice\" only, not as \"Legal\"")
        #expect(try await alice.ask("rate bob 3") == "error you answer as \"alice\" only, not as \"bob\"")
        #expect(
            try await alice.ask("rate brakes 3") == "error unknown item \"brakes\" on stage \"ignore\"; items: ignore")
        await room.goTo("position")
        #expect(try await alice.ask("pick bob drift") == "error you answer as \"alice\" only, not as \"bob\"")
        await room.goTo("strategy")
        #expect(
            try await alice.ask("knows legal marketing") == "error you speak for \"marketing\" only, not for \"legal\"")
        // Legal has declared no strategy: there is nothing to know yet.
        #expect(
            try await alice.ask("knows legal")
                == "error \"legal\" has declared no strategy yet, so marketing cannot know it; "
                + "declare it first: strategy legal add TEXT")
        // (That it is recorded once legal has declared one: PushTests.)
        let answers = room.events.filter { $0.actor == .participant("alice") }.map(\.event)
        #expect(!answers.contains(.knowsDeclared(department: "marketing", other: "legal")))
        #expect(!answers.contains { if case .rated = $0 { return true } else { return false } })
    }

    @Test func facilitatorCommandsAreRefused() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let (alice, _) = try await room.joined("alice", "marketing")
        for command in ["next", "lock", "reveal", "export md", "kick bob", "lock-joins", "goto brakes"] {
            let verb = command.split(separator: " ")[0]
            #expect(try await alice.ask(command) == "error only the facilitator can use \"\(verb)\"")
        }
        #expect(room.session.state.currentStage == "intro")
        #expect(
            try await alice.ask("dance")
                == "error unknown command \"dance\"; commands: join, resume, rate, pick, strategy, knows, shares, note, stage, results, whoami, locale, help, quit"
        )
    }

    @Test func aDroppedParticipantResumesWithTheirToken() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        await room.goTo("brakes")
        let (alice, token) = try await room.joined("alice", "marketing")
        #expect(try await alice.ask("rate control 3") == "ok control: 3 (A strong brake) recorded")
        await alice.close()
        try await eventually { room.events.last?.event == .participantLeft(name: "alice") }
        let again = try await room.client()
        #expect(try await again.ask("resume \(token)") == "ok \(token)")
        #expect(
            try await again.waitFor { $0.hasPrefix("* stage ") } == "* stage brakes — The three brakes (stage 7 of 9)")
        #expect(try await again.ask("rate understanding 2") == "ok understanding: 2 (A real brake) recorded")
        let mine = room.events.filter { $0.actor == .participant("alice") }.map(\.event)
        #expect(
            mine == [
                .participantJoined(name: "alice", department: "marketing"),
                .rated(rater: .participant("alice"), stage: "brakes", item: "control", value: 3),
                .participantLeft(name: "alice"),
                .participantJoined(name: "alice", department: "marketing"),
                .rated(rater: .participant("alice"), stage: "brakes", item: "understanding", value: 2),
            ])
        #expect(room.session.state.participants["alice"]?.joins == 2)
    }

    @Test func quitFreesTheNameForANewJoin() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let (alice, token) = try await room.joined("alice", "marketing")
        #expect(try await alice.ask("quit") == "ok goodbye; join again with the code to come back")
        try await eventually { room.events.last?.event == .participantLeft(name: "alice") }
        let again = try await room.client()
        #expect(
            try await again.ask("resume \(token)")
                == "error unknown token; join again with the code, or ask the facilitator")
        #expect(try await again.ask("join \(TestRoom.code) alice marketing en").hasPrefix("ok "))
        #expect(room.events.last?.event == .participantJoined(name: "alice", department: "marketing"))
    }

    @Test func resumingFromASecondConnectionTakesTheSeatOver() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let (first, token) = try await room.joined("alice", "marketing")
        let second = try await room.client()
        #expect(try await second.ask("resume \(token)") == "ok \(token)")
        let last = try await first.readUntilClosed()
        #expect(last.last == "* closing — your seat was resumed from another connection; this one closes")
        #expect(try await second.ask("whoami") == "ok alice for marketing, reading English")
        #expect(room.session.state.participants["alice"]?.present == true)
        #expect(room.session.state.participants["alice"]?.joins == 1)
    }
}

/// Waits until `condition` holds, checking every 10 ms, for at most 5 s.
func eventually(_ condition: () async -> Bool) async throws {
    for _ in 0..<500 {
        if await condition() { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    Issue.record("condition not met within 5 s")
}
