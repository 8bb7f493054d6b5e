import AtelierCore

/// Says a repeated event once, then at most once per window, as a sum: the
/// first wrong code of a spell is told, the next ones are counted and told
/// together a minute later ("1,203 more wrong codes in the last minute"),
/// so an attack never floods a screen or a log. Keyed by kind (and by
/// whatever else the caller puts in the key, such as an address).
public struct RepeatSummary: Sendable {
    /// What to say about an event just noted.
    public enum Say: Sendable, Equatable {
        /// Tell this one: the first of its kind in the window.
        case this
        /// Tell the sum: `count` events (this one included) since the last line, the last from `address`.
        case sum(count: Int, address: String)
        /// Say nothing now: it is counted for the next sum.
        case nothing
    }

    /// A sum that is due, for `due(at:)`.
    public struct Due: Sendable, Equatable {
        public let key: String
        public let count: Int
        public let address: String

        public init(key: String, count: Int, address: String) {
            self.key = key
            self.count = count
            self.address = address
        }
    }

    public let windowMilliseconds: Int64
    private var spells: [String: (since: Timestamp, count: Int, address: String)] = [:]

    public init(windowMilliseconds: Int64 = 60_000) {
        self.windowMilliseconds = max(1, windowMilliseconds)
    }

    /// Notes an event of `key` from `address` at `now`.
    public mutating func note(_ key: String, from address: String, at now: Timestamp) -> Say {
        guard let spell = spells[key], now - spell.since < windowMilliseconds else {
            let waiting = spells[key]?.count ?? 0
            spells[key] = (now, 0, address)
            return waiting > 0 ? .sum(count: waiting + 1, address: address) : .this
        }
        spells[key] = (spell.since, spell.count + 1, address)
        return .nothing
    }

    /// The sums whose window is over, to tell now (each starts a new window);
    /// spells with nothing counted end.
    public mutating func due(at now: Timestamp) -> [Due] {
        var due: [Due] = []
        for (key, spell) in spells.sorted(by: { $0.key < $1.key }) where now - spell.since >= windowMilliseconds {
            if spell.count > 0 {
                due.append(Due(key: key, count: spell.count, address: spell.address))
                spells[key] = (now, 0, spell.address)
            } else {
                spells[key] = nil
            }
        }
        return due
    }
}
