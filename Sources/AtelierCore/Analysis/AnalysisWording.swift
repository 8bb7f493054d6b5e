/// How the analysis puts numbers and workshop names into its messages.
/// Names taken from the workshop file (items, stages, options, levels) are
/// given in the session's language.
struct AnalysisWording {
    let workshop: Workshop
    let language: String

    /// A number with as few decimals as it needs (medians are whole or
    /// halves; quartiles quarters), at most two.
    static func number(_ value: Double) -> MessageValue {
        for digits in 0..<2 {
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            if (value * scale).rounded() == value * scale { return .decimal(value, digits: digits) }
        }
        return .decimal(value, digits: 2)
    }

    /// How `all` joins messages.
    enum Joining: String {
        /// "a; b; and c": clauses that may hold commas themselves.
        case clauses
        /// "a, b and c".
        case list
        /// "a, b or c".
        case alternatives
    }

    /// Several messages as one, joined in the reader's language.
    static func all(_ messages: [LocalizedMessage], _ joining: Joining = .list) -> MessageValue {
        guard let last = messages.last else { return .text("") }
        var joined = MessageValue.message(last)
        for (offset, message) in messages.dropLast().enumerated().reversed() {
            let key = "analysis.join.\(joining.rawValue)_" + (offset == messages.count - 2 ? "last" : "more")
            joined = .message(LocalizedMessage(key, ["first": .message(message), "rest": joined]))
        }
        return joined
    }

    func item(_ id: String) -> MessageValue {
        .text(workshop.stage(holdingItem: id)?.item(id)?.label.text(language) ?? id)
    }

    func stage(_ id: String) -> MessageValue {
        .text(workshop.stage(id)?.title.text(language) ?? id)
    }

    /// Option labels, quoted, joined with "and" (or with "or").
    func options(_ ids: [String], of stage: String, _ joining: Joining = .list) -> MessageValue {
        let stage = workshop.stage(stage)
        let quoted = ids.map { id in
            LocalizedMessage("analysis.quote", ["text": .text(stage?.option(id)?.label.text(language) ?? id)])
        }
        return Self.all(quoted, joining)
    }

    func level(_ level: MaturityLevel) -> MessageValue {
        .text(level.label.text(language))
    }
}
