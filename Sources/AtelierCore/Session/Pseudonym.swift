/// The name an anonymous session gives a participant in place of the one
/// they typed: their department's id, `#`, and their number in that
/// department (`marketing#3`), counted in the order they joined. The typed
/// name never reaches an event, so the journal, every export and every
/// replay know only this. A department id is a slug (no `#`), so a
/// pseudonym is never a department's id; a pseudonym is a single word the
/// facilitator can type (`kick marketing#3`).
public enum Pseudonym {
    public static func make(department: String, number: Int) -> String { "\(department)#\(number)" }

    /// The department and number a pseudonym stands for; nil for any other name.
    public static func parse(_ name: String) -> (department: String, number: Int)? {
        guard let mark = name.lastIndex(of: "#") else { return nil }
        let department = String(name[..<mark])
        let digits = name[name.index(after: mark)...]
        guard Slug.isValid(department), !digits.isEmpty, digits.first != "0",
            digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits)
        else { return nil }
        return (department, number)
    }

    /// How a reader sees a pseudonym ("marketing, participant 3"); nil for any other name.
    public static func described(_ name: String) -> LocalizedMessage? {
        guard let (department, number) = parse(name) else { return nil }
        return LocalizedMessage("participant.pseudonym", ["department": .text(department), "number": .count(number)])
    }
}

extension Command {
    /// Who the journal records as having caused `event`: the command's
    /// actor, except that a participant's own join is recorded under the
    /// name it joined with — the same name, but in an anonymous session the
    /// pseudonym, so that the name they typed is never written.
    public func recordedActor(of event: Event) -> Actor {
        guard case .participant = actor, case .join = action, case .participantJoined(let name, _) = event else {
            return actor
        }
        return .participant(name)
    }
}

extension SessionState {
    /// The pseudonym of the next participant joining this department: one
    /// more than the highest number it gave there (undone joins give theirs back).
    public func nextPseudonym(department: String) -> String {
        let highest =
            participantOrder.lazy.compactMap { Pseudonym.parse($0) }
            .filter { $0.department == department }.map(\.number).max() ?? 0
        return Pseudonym.make(department: department, number: highest + 1)
    }
}
