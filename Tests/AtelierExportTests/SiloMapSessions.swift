import AtelierCore

/// Sessions made for the silo map's layout tests: 2 to 12 departments, with
/// long names, strategies, `knows` and `shares` links of every length.
enum SiloMapSessions {
    static let names = [
        "Marketing", "Service client", "Direction générale", "Juridique", "Ressources humaines", "Informatique",
        "Communication interne", "Relations investisseurs", "Recherche et développement", "Achats", "Qualité",
        "Logistique et approvisionnement",
    ]

    /// `count` departments (at most 12). Connected: each knows the next and
    /// the one opposite, and believes it shares with the one two places on;
    /// every fourth has no strategy. Fragmented: departments in pairs that
    /// know each other, nothing across pairs but the beliefs.
    static func state(departments count: Int, fragmented: Bool = false) throws -> SessionState {
        let workshop = try Demo.workshop()
        var s = Scripter(workshop: workshop, id: "map-\(count)", clock: 1000)
        s.record(.sessionStarted(workshop: workshop.id, version: workshop.version, locale: "en"))
        func run(_ action: Action) throws {
            s.wait(1)
            try s.f(action)
        }
        let ids = (0..<count).map { "d\($0 + 1)" }
        for (index, id) in ids.enumerated() {
            try run(.addDepartment(id: id, name: names[index]))
            try run(.join(name: "p\(index + 1)", department: id))
        }
        try run(.goTo(stage: "strategy"))
        let declared = ids.indices.filter { fragmented || $0 % 4 != 3 }
        for index in declared { try run(.declareStrategy(department: ids[index], text: "a plan")) }
        func knows(_ from: Int, _ to: Int) throws {
            let (from, to) = (from % count, to % count)
            guard from != to, declared.contains(to) else { return }
            try run(.knows(department: ids[from], other: ids[to]))
        }
        func shares(_ from: Int, _ to: Int) throws {
            let (from, to) = (from % count, to % count)
            guard from != to, declared.contains(from) else { return }
            try run(.shares(department: ids[from], other: ids[to]))
        }
        for index in ids.indices {
            if fragmented {
                try knows(index, index % 2 == 0 ? index + 1 : index - 1)
                try shares(index, index + 3)
            } else {
                try knows(index, index + 1)
                if count > 3 { try knows(index, index + count / 2) }
                try shares(index, index + 2)
            }
        }
        return s.state
    }
}
