import AtelierNet
import NIOCore
import Testing

@Suite("The addresses shown to join")
struct JoinAddressesTests {
    let machine = [
        try! SocketAddress(ipAddress: "127.0.0.1", port: 0), try! SocketAddress(ipAddress: "::1", port: 0),
        try! SocketAddress(ipAddress: "fe80::1c2b:3aff:fe4d:5e6f", port: 0),
        try! SocketAddress(ipAddress: "fd00::2", port: 0), try! SocketAddress(ipAddress: "192.0.2.2", port: 0),
        try! SocketAddress(ipAddress: "10.1.2.3", port: 0), try! SocketAddress(ipAddress: "192.0.2.2", port: 0),
    ]

    @Test func aHostIsShownAsGiven() {
        #expect(
            JoinAddresses.shown(host: "127.0.0.1", port: 4711, interfaces: machine).map(\.description) == [
                "127.0.0.1:4711"
            ])
        #expect(
            JoinAddresses.shown(host: "10.1.2.3", port: 4711, interfaces: []).map(\.description) == ["10.1.2.3:4711"])
    }

    @Test func everyIPv4InterfaceStandsForTheMachinesOwnAddresses() {
        #expect(
            JoinAddresses.shown(host: "0.0.0.0", port: 4711, interfaces: machine).map(\.description) == [
                "192.0.2.2:4711", "10.1.2.3:4711",
            ])
    }

    @Test func everyInterfaceAddsTheReachableIPv6Ones() {
        #expect(
            JoinAddresses.shown(host: "::", port: 4711, interfaces: machine).map(\.description) == [
                "192.0.2.2:4711", "10.1.2.3:4711", "[fd00::2]:4711",
            ])
    }

    @Test func aMachineWithoutANetworkFallsBackToLoopback() {
        #expect(
            JoinAddresses.shown(host: "0.0.0.0", port: 4711, interfaces: Array(machine.prefix(2))).map(\.description)
                == ["127.0.0.1:4711"])
    }
}
