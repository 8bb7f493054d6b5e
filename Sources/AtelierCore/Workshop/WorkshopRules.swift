/// Every rule a workshop definition must follow, checked on the value,
/// whatever its source: the YAML reader runs them on what it read (after its
/// own checks, which say where in the file), and a recording's or a store's
/// embedded definition goes through them before anything uses it. A
/// workshop that passes cannot trap later: ids are unique, references
/// resolve, scales have one label per point, numbers are in their ranges
/// (`WorkshopLimits`) and texts are plain.
public enum WorkshopRules {
    /// The problems of a workshop, in the order the file would show them; empty when it is valid.
    public static func problems(in workshop: Workshop) -> [LocalizedMessage] {
        var check = Check(workshop: workshop)
        check.run()
        return check.problems
    }
}

private struct Check {
    let workshop: Workshop
    var problems: [LocalizedMessage] = []

    mutating func add(_ problem: LocalizedMessage?) {
        if let problem { problems.append(problem) }
    }

    mutating func add(_ key: String, _ args: [String: MessageValue] = [:]) {
        problems.append(LocalizedMessage(key, args))
    }

    mutating func id(_ id: String) {
        if !Slug.isValid(id) { add("workshop.bad_id", ["id": .text(id)]) }
    }

    /// A text in every language of the workshop and no other; `optional`
    /// accepts a text that is absent altogether.
    mutating func text(_ text: LocalizedText?, context: String, optional: Bool = false, lines: Bool = true) {
        guard let text, !(optional && text.values.isEmpty) else {
            if !optional { add("workshop.missing_language", ["context": .text(context), "language": .text(first)]) }
            return
        }
        for language in text.values.keys.sorted() where !workshop.languages.contains(language) {
            add(
                "workshop.unknown_language",
                ["language": .text(PlainText.escaped(language)), "accepted": .list(workshop.languages)])
        }
        for language in workshop.languages {
            guard let value = text.values[language] else {
                add("workshop.missing_language", ["context": .text(context), "language": .text(language)])
                continue
            }
            add(WorkshopLimits.text(value, context: context, allowingLineBreaks: lines))
        }
    }

    var first: String { workshop.languages.first ?? "" }

    mutating func run() {
        id(workshop.id)
        add(WorkshopLimits.number(workshop.version, WorkshopLimits.version, key: "version"))
        add(WorkshopLimits.count(workshop.languages.count, WorkshopLimits.languages, what: "languages"))
        var seenLanguages = Set<String>()
        for language in workshop.languages {
            if !Slug.isValid(language) || !WorkshopLimits.languageCode.contains(language.count) {
                add("workshop.bad_language", ["language": .text(PlainText.escaped(language))])
            }
            if !seenLanguages.insert(language).inserted {
                add("workshop.duplicate_language", ["language": .text(language)])
            }
        }
        text(workshop.title, context: "title", lines: false)
        text(workshop.intro, context: "intro", optional: true)
        add(WorkshopLimits.threshold(workshop.analysis.consensusIQR, key: "consensus_iqr"))
        add(WorkshopLimits.threshold(workshop.analysis.divergence, key: "divergence"))
        if let criteria = workshop.consensus { problems += WorkshopLimits.criteria(criteria) }
        scales()
        stages()
        maturity()
        for (kind, advice) in workshop.recommendations.sorted(by: { $0.key < $1.key }) {
            if !SiloKind.allCases.map(\.rawValue).contains(kind) {
                add(
                    "workshop.unknown_finding",
                    ["kind": .text(PlainText.escaped(kind)), "accepted": .list(SiloKind.allCases.map(\.rawValue))])
            }
            text(advice, context: kind)
        }
    }

    mutating func scales() {
        add(WorkshopLimits.count(workshop.scales.count, WorkshopLimits.scales, what: "scales"))
        var seen = Set<String>()
        for scale in workshop.scales {
            id(scale.id)
            if !seen.insert(scale.id).inserted { add("workshop.duplicate_scale", ["id": .text(scale.id)]) }
            if let problem = WorkshopLimits.scale(min: scale.min, max: scale.max) {
                add(problem)
                continue
            }
            let width = scale.max - scale.min + 1
            guard scale.labels.count == width else {
                add(
                    "workshop.scale_label_count",
                    ["scale": .text(scale.id), "count": .count(scale.labels.count), "expected": .count(width)])
                continue
            }
            for label in scale.labels { text(label, context: "labels", lines: false) }
        }
    }

    mutating func stages() {
        add(WorkshopLimits.count(workshop.stages.count, WorkshopLimits.stages, what: "stages"))
        var stageIDs = Set<String>()
        var itemIDs = Set<String>()
        for stage in workshop.stages {
            id(stage.id)
            if !stageIDs.insert(stage.id).inserted { add("workshop.duplicate_stage", ["id": .text(stage.id)]) }
            text(stage.title, context: "title", lines: false)
            text(stage.prompt, context: "prompt", optional: true)
            if stage.kind == .rating {
                if let scale = stage.scale {
                    if workshop.scale(scale) == nil {
                        add(
                            "workshop.unknown_scale",
                            ["scale": .text(PlainText.escaped(scale)), "accepted": .list(workshop.scales.map(\.id))])
                    }
                } else {
                    add("file.missing_key", ["key": .text("scale")])
                }
                if stage.items.isEmpty {
                    add("workshop.no_items")
                } else {
                    add(WorkshopLimits.count(stage.items.count, WorkshopLimits.itemsPerStage, what: "items"))
                }
                for item in stage.items {
                    id(item.id)
                    if !itemIDs.insert(item.id).inserted { add("workshop.duplicate_item", ["id": .text(item.id)]) }
                    text(item.label, context: "label", lines: false)
                    text(item.description, context: "description", optional: true)
                    text(item.example, context: "example", optional: true)
                }
            } else {
                if !stage.items.isEmpty { add("workshop.items_not_allowed", ["kind": .text(stage.kind.rawValue)]) }
                if stage.scale != nil { add("file.unknown_key", unknownKey("scale")) }
            }
            if stage.kind == .pick {
                if stage.options.count < 2 {
                    add("workshop.too_few_options")
                } else {
                    add(WorkshopLimits.count(stage.options.count, WorkshopLimits.optionsPerStage, what: "options"))
                }
                var optionIDs = Set<String>()
                for option in stage.options {
                    id(option.id)
                    if !optionIDs.insert(option.id).inserted {
                        add("workshop.duplicate_option", ["id": .text(option.id)])
                    }
                    text(option.label, context: "label", lines: false)
                }
            } else if !stage.options.isEmpty {
                add("workshop.options_not_allowed", ["kind": .text(stage.kind.rawValue)])
            }
        }
    }

    func unknownKey(_ key: String) -> [String: MessageValue] {
        ["key": .text(key), "context": .text("stage"), "accepted": .list(["id", "kind", "title", "prompt"])]
    }

    mutating func maturity() {
        let levels = workshop.maturity.levels
        if levels.count < 2 {
            add("workshop.too_few_levels")
        } else {
            add(WorkshopLimits.count(levels.count, WorkshopLimits.levels, what: "levels"))
        }
        var seen = Set<String>()
        for (index, level) in levels.enumerated() {
            id(level.id)
            if !seen.insert(level.id).inserted { add("workshop.duplicate_level", ["id": .text(level.id)]) }
            text(level.label, context: "label", lines: false)
            text(level.description, context: "description")
            text(level.recommendation, context: "recommendation", optional: true)
            if index == 0, !level.conditions.isEmpty { add("workshop.first_level_conditions") }
            if index > 0, level.conditions.isEmpty {
                add("workshop.level_without_conditions", ["id": .text(level.id)])
            }
            add(
                WorkshopLimits.count(level.conditions.count, WorkshopLimits.conditionsPerLevel, what: "conditions"))
            for condition in level.conditions { self.condition(condition) }
        }
    }

    mutating func condition(_ condition: MaturityCondition) {
        switch condition {
        case .rating(let item, let atLeast, let atMost):
            guard let stage = workshop.stage(holdingItem: item) else {
                add(
                    "workshop.rule_unknown_item",
                    ["item": .text(PlainText.escaped(item)), "accepted": .list(workshop.ratingItems.map(\.item.id))])
                return
            }
            if atLeast == nil, atMost == nil { add("workshop.rule_needs_bound") }
            // A scale that is itself wrong is told once, not once per rule on it.
            guard let scale = workshop.scale(of: stage), WorkshopLimits.scale(min: scale.min, max: scale.max) == nil
            else { return }
            for bound in [atLeast, atMost].compactMap(\.self)
            where !bound.isFinite || bound < Double(scale.min) || bound > Double(scale.max) {
                add(
                    "workshop.rule_bound_off_scale",
                    [
                        "bound": .text(WorkshopLimits.shown(bound)), "item": .text(item), "min": .count(scale.min),
                        "max": .count(scale.max),
                    ])
            }
        case .pick(let stageID, let among, _):
            let picks = workshop.stages.filter { $0.kind == .pick }
            guard let stage = picks.first(where: { $0.id == stageID }) else {
                add(
                    "workshop.rule_unknown_pick",
                    ["stage": .text(PlainText.escaped(stageID)), "accepted": .list(picks.map(\.id))])
                return
            }
            if among.isEmpty { add("workshop.rule_needs_options") }
            for option in among where stage.option(option) == nil {
                add(
                    "workshop.rule_unknown_option",
                    [
                        "option": .text(PlainText.escaped(option)), "stage": .text(stageID),
                        "accepted": .list(stage.options.map(\.id)),
                    ])
            }
        case .strategy:
            if !workshop.stages.contains(where: { $0.kind == .strategy }) { add("workshop.rule_no_strategy_stage") }
        }
    }
}
