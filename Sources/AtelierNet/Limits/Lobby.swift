import AtelierCore

/// The connections that have not joined yet, kept apart from the room, so
/// that sockets opened and left idle never crowd out a participant. A
/// newcomer is never refused; instead:
///
/// - past `perAddress` waiting connections from its address, the oldest of
///   them that has waited at least `graceMilliseconds` is closed (a burst
///   of real participants behind one address, all joining within the
///   grace, is not cut);
/// - past `overall` waiting connections, the oldest one from the address
///   holding the most is closed, whatever its age: the number of open
///   sockets stays bounded.
///
/// Joined participants are not counted here at all. Shared by every adapter
/// that lets people in (the line protocol, the browser): each one `enter`s
/// a connection when it opens and `leave`s it when it joins or closes.
public struct Lobby<ID: Hashable & Sendable>: Sendable {
    public let perAddress: Int
    public let overall: Int
    public let graceMilliseconds: Int64
    private var waiting: [String: [(id: ID, since: Timestamp)]] = [:]
    private var addresses: [ID: String] = [:]

    public init(perAddress: Int = 16, overall: Int = 512, graceMilliseconds: Int64 = 2000) {
        self.perAddress = max(1, perAddress)
        self.overall = max(1, overall)
        self.graceMilliseconds = max(0, graceMilliseconds)
    }

    /// How many connections wait to join.
    public var count: Int { addresses.count }

    /// How many connections from this address wait to join.
    public func count(from address: String) -> Int { waiting[address]?.count ?? 0 }

    /// True while the connection waits to join.
    public func isWaiting(_ id: ID) -> Bool { addresses[id] != nil }

    /// Takes a connection in at `now`; returns the one to close to make room for it, if any.
    public mutating func enter(_ id: ID, from address: String, at now: Timestamp) -> ID? {
        guard addresses[id] == nil else { return nil }
        var evicted: ID?
        if count >= overall {
            let crowded = waiting.max {
                $0.value.count < $1.value.count || ($0.value.count == $1.value.count && $0.key > $1.key)
            }
            evicted = crowded?.value.first?.id
        } else if count(from: address) >= perAddress, let oldest = waiting[address]?.first,
            now - oldest.since >= graceMilliseconds
        {
            evicted = oldest.id
        }
        if let evicted { leave(evicted) }
        addresses[id] = address
        waiting[address, default: []].append((id, now))
        return evicted
    }

    /// The connection joined or closed: it no longer waits.
    public mutating func leave(_ id: ID) {
        guard let address = addresses.removeValue(forKey: id) else { return }
        waiting[address]?.removeAll { $0.id == id }
        if waiting[address]?.isEmpty == true { waiting[address] = nil }
    }
}
