import AtelierNet
import Testing

@Suite("Protocol pieces")
struct ProtocolUnitTests {
    @Test func requestsAreReadAsTyped() throws {
        #expect(
            try RequestParser.parse("join abc234 alice marketing fr")?.get()
                == .join(code: "abc234", name: "alice", department: "marketing", locale: "fr"))
        #expect(try RequestParser.parse("  RATE control 3 ")?.get() == .rate(who: nil, item: "control", value: 3))
        #expect(try RequestParser.parse("rate 3")?.get() == .rate(who: nil, item: nil, value: 3))
        #expect(try RequestParser.parse("rate bob control 3")?.get() == .rate(who: "bob", item: "control", value: 3))
        #expect(try RequestParser.parse("pick drift")?.get() == .pick(who: nil, option: "drift"))
        #expect(try RequestParser.parse("strategy add \"Listen first\"  ")?.get() == .strategy(text: "Listen first"))
        #expect(try RequestParser.parse("strategy add listen first")?.get() == .strategy(text: "listen first"))
        #expect(try RequestParser.parse("knows legal")?.get() == .knows(department: nil, other: "legal"))
        #expect(try RequestParser.parse("shares hr legal")?.get() == .shares(department: "hr", other: "legal"))
        #expect(try RequestParser.parse("note \"a \"quoted\" word\"")?.get() == .note(text: "a \"quoted\" word"))
        #expect(RequestParser.parse("   ") == nil)
    }

    @Test func malformedRequestsSayWhy() {
        #expect(RequestParser.parse("rate") == .failure(.usage("rate")))
        #expect(RequestParser.parse("rate a b c d") == .failure(.usage("rate")))
        #expect(RequestParser.parse("rate control x") == .failure(.notANumber("x")))
        #expect(RequestParser.parse("strategy listen") == .failure(.usage("strategy")))
        #expect(RequestParser.parse("join abc") == .failure(.usage("join")))
        #expect(RequestParser.parse("whoami please") == .failure(.usage("whoami")))
        #expect(RequestParser.parse("reveal") == .failure(.facilitatorOnly("reveal")))
        // Derived from the facilitator's command table: its analysis commands are in, no word it lacks is.
        for verb in ["consensus", "silos", "maturity", "status", "kick", "quiet", "suivant"] {
            #expect(RequestParser.parse(verb) == .failure(.facilitatorOnly(verb)), "\(verb)")
        }
        #expect(RequestParser.facilitatorCommands.isDisjoint(with: ["show", "save", "analysis", "rate", "help"]))
        #expect(RequestParser.parse("dance") == .failure(.unknownCommand("dance")))
    }

    @Test func joinCodesHaveNoLookAlikes() {
        #expect(JoinCode.alphabet.count == 31)
        for lookAlike in "0O1IL" { #expect(!JoinCode.alphabet.contains(lookAlike)) }
        var generator = SystemRandomNumberGenerator()
        let codes = (0..<200).map { _ in JoinCode.random(using: &generator) }
        #expect(codes.allSatisfy { $0.count == 6 && JoinCode.normalized($0) == $0 })
        #expect(Set(codes).count > 190)
        #expect(JoinCode.normalized("abc234") == "ABC234")
        #expect(JoinCode.normalized("ABC23") == nil)
        #expect(JoinCode.normalized("ABC2O4") == nil)
    }

    @Test func tokensAre128BitsOfHex() {
        let tokens = (0..<100).map { _ in SessionToken.random() }
        #expect(tokens.allSatisfy { $0.count == 32 && $0.allSatisfy { "0123456789abcdef".contains($0) } })
        #expect(Set(tokens).count == 100)
    }

    @Test func theTokenBucketAllowsABurstThenARate() {
        var bucket = TokenBucket(capacity: 10, perSecond: 5)
        #expect((0..<12).map { _ in bucket.take(at: 1000) } == Array(repeating: true, count: 10) + [false, false])
        #expect(bucket.take(at: 1199) == false)
        #expect(bucket.take(at: 1200) == true)
        #expect(bucket.take(at: 1200) == false)
        #expect((0..<11).map { _ in bucket.take(at: 100_000) }.filter { $0 }.count == 10)
        // A clock that goes back refills nothing.
        #expect(bucket.take(at: 50_000) == false)
    }

    @Test func wrongCodesWaitLongerEachTimeUpToACap() {
        let penalty = WrongCodePenalty(base: .milliseconds(250), cap: .seconds(8))
        #expect(
            (0...8).map { penalty.delay(failures: $0) } == [
                .zero, .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8),
                .seconds(8), .seconds(8),
            ])
    }
}
