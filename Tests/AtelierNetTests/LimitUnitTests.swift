import AtelierCore
import AtelierNet
import Testing

/// The limits an adapter shares (line protocol, browser), on a clock of the test's own.
@Suite struct LimitUnitTests {
    @Test func theLobbyMakesRoomFromTheSameAddressAfterTheGrace() {
        var lobby = Lobby<Int>(perAddress: 2, overall: 4, graceMilliseconds: 1000)
        #expect(lobby.enter(1, from: "a", at: 0) == nil)
        #expect(lobby.enter(2, from: "a", at: 0) == nil)
        // Within the grace, a burst from one address is let in.
        #expect(lobby.enter(3, from: "a", at: 500) == nil)
        // After it, the oldest waiting from that address makes room.
        #expect(lobby.enter(4, from: "a", at: 1000) == 1)
        #expect(lobby.count(from: "a") == 3)
        // Another address is not touched by the first one's crowd...
        #expect(lobby.enter(5, from: "b", at: 1000) == nil)
        // ...but past the overall cap, the address holding most gives up its oldest, whatever its age.
        #expect(lobby.enter(6, from: "b", at: 1001) == 2)
        lobby.leave(3)
        lobby.leave(4)
        #expect(lobby.count == 2)
        #expect(!lobby.isWaiting(1) && lobby.isWaiting(5) && lobby.isWaiting(6))
    }

    @Test func wrongCodesAreForgivenWithTime() {
        var limiter = WrongCodeLimiter(burst: 3, forgiveMilliseconds: 1000)
        #expect(limiter.wait(for: "a", at: 0) == nil)
        #expect(limiter.failed(from: "a", at: 0) == .milliseconds(250))
        #expect(limiter.failed(from: "a", at: 0) == .milliseconds(500))
        #expect(limiter.wait(for: "a", at: 0) == nil)
        #expect(limiter.failed(from: "a", at: 0) == .seconds(1))
        #expect(limiter.wait(for: "a", at: 0) == .seconds(1))
        #expect(limiter.wait(for: "a", at: 400) == .milliseconds(600))
        #expect(limiter.wait(for: "b", at: 400) == nil)
        #expect(limiter.wait(for: "a", at: 1000) == nil)
        #expect(limiter.failures(from: "a", at: 1000) == 2)
        #expect(limiter.failures(from: "a", at: 10_000) == 0)
        #expect(limiter.failed(from: "a", at: 10_000) == .milliseconds(250))
    }

    @Test func aRepeatedEventIsToldOnceThenSummedOncePerWindow() {
        var sums = RepeatSummary(windowMilliseconds: 60_000)
        #expect(sums.note("wrong_code", from: "a", at: 0) == .this)
        #expect(sums.note("wrong_code", from: "b", at: 10) == .nothing)
        #expect(sums.note("wrong_code", from: "c", at: 20) == .nothing)
        #expect(sums.note("crowded", from: "c", at: 30) == .this)
        #expect(sums.due(at: 59_999) == [])
        #expect(sums.due(at: 60_000) == [RepeatSummary.Due(key: "wrong_code", count: 2, address: "c")])
        #expect(sums.note("wrong_code", from: "d", at: 60_001) == .nothing)
        #expect(sums.note("wrong_code", from: "e", at: 120_000) == .sum(count: 2, address: "e"))
        #expect(sums.due(at: 500_000) == [])
        #expect(sums.note("crowded", from: "f", at: 500_001) == .this)
    }
}

@Suite struct AddressGroupTests {
    @Test func ipv6CountsByItsNetworkAndMappedIPv4AsIPv4() {
        #expect(AddressGroup.of("10.0.0.7") == "10.0.0.7")
        #expect(AddressGroup.of("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64")
        #expect(AddressGroup.of("2001:db8:1:2:ffff:ffff:ffff:ffff") == "2001:db8:1:2::/64")
        #expect(AddressGroup.of("::ffff:192.168.1.20") == "192.168.1.20")
        #expect(AddressGroup.of("::1") == "0:0:0:0::/64")
        #expect(AddressGroup.of("?") == "?")
    }
}
