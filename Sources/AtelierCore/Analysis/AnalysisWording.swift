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

    /// Several messages as one: "a, b and c", joined in the reader's language.
    static func all(_ messages: [LocalizedMessage]) -> MessageValue {
        guard let last = messages.last else { return .text("") }
        var joined = MessageValue.message(last)
        for (offset, message) in messages.dropLast().enumerated().reversed() {
            let key = offset == messages.count - 2 ? "analysis.join.last" : "analysis.join.more"
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

    func options(_ ids: [String], of stage: String) -> MessageValue {
        let stage = workshop.stage(stage)
        return .list(ids.map { id in stage?.option(id)?.label.text(language) ?? id })
    }

    func level(_ level: MaturityLevel) -> MessageValue {
        .text(level.label.text(language))
    }
}
