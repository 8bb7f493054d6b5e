import Yams

/// Reads and validates a workshop definition from its YAML text.
/// Every problem is collected with its line and column; a workshop is
/// returned only when there is none.
public enum WorkshopParser {
    public struct Result: Sendable {
        public let workshop: Workshop?
        public let problems: [FileProblem]
    }

    public static func parse(_ text: String) -> Result {
        var parser = Parser()
        let workshop = parser.run(text)
        var problems = parser.reader.problems.sorted { $0.position < $1.position }
        // The rules every definition follows, whatever its source; the
        // checks above already said where, so this finds nothing new in a
        // file, but it is the same gate a recording's definition goes through.
        if problems.isEmpty, let workshop {
            problems = WorkshopRules.problems(in: workshop).map { FileProblem(.start, $0) }
        }
        return Result(workshop: problems.isEmpty ? workshop : nil, problems: problems)
    }
}

typealias Pairs = [(key: String, keyNode: Node, value: Node)]

private struct Parser {
    var reader = YAMLReader()
    var languages: [String] = []
    /// Stages whose kind is unknown: already reported, so rules naming them stay quiet.
    var stagesOfUnknownKind = Set<String>()
    /// The scales read so far, for checking the bounds of maturity rules.
    var scales: [Scale] = []

    mutating func run(_ text: String) -> Workshop? {
        guard let root = reader.compose(text), let top = reader.mapping(root, context: "workshop") else {
            return nil
        }
        reader.rejectUnknownKeys(
            top,
            allowed: [
                "id", "version", "languages", "title", "intro", "analysis", "consensus", "scales", "stages",
                "maturity", "recommendations",
            ], context: "workshop")
        let id = requiredID(top, "id", in: root, context: "workshop")
        let versionNode = required(top, "version", in: root)
        let version = reader.int(versionNode, context: "version")
        if let version, let problem = WorkshopLimits.number(version, WorkshopLimits.version, key: "version") {
            reader.report(versionNode, problem)
        }
        languages = readLanguages(required(top, "languages", in: root))
        let title = localized(required(top, "title", in: root), context: "title", lines: false)
        let intro = top.value("intro").map { localized($0, context: "intro") } ?? LocalizedText([:])
        let analysis = readAnalysis(top.value("analysis"))
        let consensus = top.value("consensus").map { readConsensus($0) }
        scales = readScales(required(top, "scales", in: root))
        let stages = readStages(required(top, "stages", in: root), scales: scales)
        let maturity = readMaturity(required(top, "maturity", in: root), stages: stages)
        let recommendations = readRecommendations(top.value("recommendations"))
        guard let id, let version else { return nil }
        return Workshop(
            id: id, version: version, languages: languages, title: title, intro: intro, scales: scales,
            stages: stages, analysis: analysis, maturity: maturity, recommendations: recommendations,
            consensus: consensus)
    }

    // MARK: - Basics

    mutating func required(_ pairs: Pairs, _ key: String, in parent: Node) -> Node? {
        if let node = pairs.value(key) { return node }
        reader.report(parent, "file.missing_key", ["key": .text(key)])
        return nil
    }

    mutating func requiredID(_ pairs: Pairs, _ key: String, in parent: Node, context: String) -> String? {
        guard let node = required(pairs, key, in: parent), let value = reader.string(node, context: context)
        else { return nil }
        if !Slug.isValid(value) {
            reader.report(node, "workshop.bad_id", ["id": .text(value)])
        }
        return value
    }

    mutating func readLanguages(_ node: Node?) -> [String] {
        guard let nodes = reader.sequence(node, context: "languages") else { return [] }
        var codes: [String] = []
        for languageNode in nodes {
            guard let code = reader.string(languageNode, context: "languages") else { continue }
            if !Slug.isValid(code) || !WorkshopLimits.languageCode.contains(code.count) {
                reader.report(languageNode, "workshop.bad_language", ["language": .text(code)])
            } else if codes.contains(code) {
                reader.report(languageNode, "workshop.duplicate_language", ["language": .text(code)])
            }
            codes.append(code)
        }
        if codes.isEmpty {
            reader.report(node, "workshop.no_languages")
        } else if let problem = WorkshopLimits.count(codes.count, WorkshopLimits.languages, what: "languages") {
            reader.report(node, problem)
        }
        return codes
    }

    /// A text in every language of the workshop.
    mutating func localized(_ node: Node?, context: String, lines: Bool = true) -> LocalizedText {
        guard let node else { return LocalizedText([:]) }
        guard let pairs = reader.mapping(node, context: context) else { return LocalizedText([:]) }
        var values: [String: String] = [:]
        for pair in pairs {
            if !languages.contains(pair.key) {
                reader.report(
                    pair.keyNode, "workshop.unknown_language",
                    ["language": .text(pair.key), "accepted": .list(languages)])
            }
            if let value = reader.string(pair.value, context: context) {
                if let problem = WorkshopLimits.text(value, context: context, allowingLineBreaks: lines) {
                    reader.report(pair.value, problem)
                }
                values[pair.key] = value
            }
        }
        for language in languages where values[language] == nil {
            reader.report(node, "workshop.missing_language", ["context": .text(context), "language": .text(language)])
        }
        return LocalizedText(values)
    }

    mutating func optionalText(_ pairs: Pairs, _ key: String, context: String) -> LocalizedText? {
        pairs.value(key).map { localized($0, context: context) }
    }

    // MARK: - Sections

    mutating func readAnalysis(_ node: Node?) -> AnalysisSettings {
        guard let pairs = reader.mapping(node, context: "analysis") else { return AnalysisSettings() }
        reader.rejectUnknownKeys(pairs, allowed: ["consensus_iqr", "divergence"], context: "analysis")
        let iqr = pairs.value("consensus_iqr").flatMap { reader.double($0, context: "consensus_iqr") } ?? 1
        let divergence = pairs.value("divergence").flatMap { reader.double($0, context: "divergence") } ?? 1
        for (key, value) in [("consensus_iqr", iqr), ("divergence", divergence)] {
            if let problem = WorkshopLimits.threshold(value, key: key) { reader.report(pairs.value(key), problem) }
        }
        return AnalysisSettings(consensusIQR: iqr, divergence: divergence)
    }

    /// `consensus:` (docs/workshop-format.md): the criteria fixed before the session.
    mutating func readConsensus(_ node: Node) -> ConsensusCriteria {
        let keys = ["iqr_max", "agreement_band", "agreement_min", "tastle_wierman_min", "stability_min"]
        guard let pairs = reader.mapping(node, context: "consensus") else { return ConsensusCriteria() }
        reader.rejectUnknownKeys(pairs, allowed: keys, context: "consensus")
        func number(_ key: String) -> Double? { pairs.value(key).flatMap { reader.double($0, context: key) } }
        let iqr = number("iqr_max")
        if let iqr, let problem = WorkshopLimits.threshold(iqr, key: "iqr_max") {
            reader.report(pairs.value("iqr_max"), problem)
        }
        var shares: [String: Double] = [:]
        for key in ["agreement_min", "tastle_wierman_min", "stability_min"] {
            guard let value = number(key) else { continue }
            shares[key] = value
            if let problem = WorkshopLimits.share(value, key: key) { reader.report(pairs.value(key), problem) }
        }
        var band: AgreementBand?
        if let bandNode = pairs.value("agreement_band") {
            let ends = reader.sequence(bandNode, context: "agreement_band") ?? []
            let numbers = ends.compactMap { reader.int($0, context: "agreement_band") }
            if numbers.count == 2, numbers.count == ends.count {
                if let problem = WorkshopLimits.band(low: numbers[0], high: numbers[1]) {
                    reader.report(bandNode, problem)
                } else {
                    band = AgreementBand(low: numbers[0], high: numbers[1])
                }
            } else if numbers.count == ends.count {
                reader.report(bandNode, "workshop.agreement_band_shape", ["count": .count(ends.count)])
            }
        }
        if shares["agreement_min"] != nil, pairs.value("agreement_band") == nil {
            reader.report(pairs.value("agreement_min"), "workshop.agreement_needs_band")
        }
        return ConsensusCriteria(
            iqrMax: iqr, agreementBand: band, agreementMin: shares["agreement_min"],
            tastleWiermanMin: shares["tastle_wierman_min"], stabilityMin: shares["stability_min"])
    }

    mutating func readScales(_ node: Node?) -> [Scale] {
        var scales: [Scale] = []
        let nodes = reader.sequence(node, context: "scales") ?? []
        if let problem = WorkshopLimits.count(nodes.count, WorkshopLimits.scales, what: "scales") {
            reader.report(node, problem)
            return []
        }
        for scaleNode in nodes {
            guard let pairs = reader.mapping(scaleNode, context: "scale") else { continue }
            reader.rejectUnknownKeys(pairs, allowed: ["id", "min", "max", "labels"], context: "scale")
            let id = requiredID(pairs, "id", in: scaleNode, context: "scale")
            let min = reader.int(required(pairs, "min", in: scaleNode), context: "min")
            let max = reader.int(required(pairs, "max", in: scaleNode), context: "max")
            guard let id, let min, let max else { continue }
            if scales.contains(where: { $0.id == id }) {
                reader.report(pairs.value("id"), "workshop.duplicate_scale", ["id": .text(id)])
            }
            // Before anything counts the points: a scale of a billion points is refused, not listed.
            if let problem = WorkshopLimits.scale(min: min, max: max) {
                reader.report(scaleNode, problem)
                continue
            }
            var labels: [Int: LocalizedText] = [:]
            let labelsNode = required(pairs, "labels", in: scaleNode)
            for pair in reader.mapping(labelsNode, context: "labels") ?? [] {
                guard let point = pair.keyNode.int, (min...max).contains(point) else {
                    reader.report(
                        pair.keyNode, "workshop.bad_scale_point",
                        ["point": .text(pair.key), "min": .count(min), "max": .count(max)])
                    continue
                }
                labels[point] = localized(pair.value, context: "labels", lines: false)
            }
            if labelsNode != nil {
                for point in min...max where labels[point] == nil {
                    reader.report(
                        labelsNode, "workshop.missing_scale_label", ["point": .count(point), "scale": .text(id)])
                }
            }
            scales.append(
                Scale(id: id, min: min, max: max, labels: (min...max).map { labels[$0] ?? LocalizedText([:]) }))
        }
        return scales
    }

    mutating func readStages(_ node: Node?, scales: [Scale]) -> [Stage] {
        var stages: [Stage] = []
        var itemIDs = Set<String>()
        // Pick options may name a rating item defined anywhere in the file.
        var pending: [(index: Int, entries: [OptionEntry])] = []
        let stageNodes = reader.sequence(node, context: "stages") ?? []
        if let problem = WorkshopLimits.count(stageNodes.count, WorkshopLimits.stages, what: "stages"),
            !stageNodes.isEmpty
        {
            reader.report(node, problem)
            return []
        }
        for stageNode in stageNodes {
            guard let pairs = reader.mapping(stageNode, context: "stage") else { continue }
            reader.rejectUnknownKeys(
                pairs, allowed: ["id", "kind", "title", "prompt", "scale", "items", "options"], context: "stage")
            guard let id = requiredID(pairs, "id", in: stageNode, context: "stage") else { continue }
            if stages.contains(where: { $0.id == id }) {
                reader.report(pairs.value("id"), "workshop.duplicate_stage", ["id": .text(id)])
            }
            let kindNode = required(pairs, "kind", in: stageNode)
            let kindName = reader.string(kindNode, context: "kind")
            let kind = kindName.flatMap(StageKind.init(rawValue:))
            if let kindName, kind == nil {
                stagesOfUnknownKind.insert(id)
                reader.report(
                    kindNode, "workshop.unknown_kind",
                    ["kind": .text(kindName), "accepted": .list(StageKind.allCases.map(\.rawValue))])
            }
            let title = localized(required(pairs, "title", in: stageNode), context: "title", lines: false)
            let prompt = optionalText(pairs, "prompt", context: "prompt") ?? LocalizedText([:])
            var scaleID: String?
            var items: [Item] = []
            if kind == .rating {
                let scaleNode = required(pairs, "scale", in: stageNode)
                scaleID = reader.string(scaleNode, context: "scale")
                if let scaleID, !scales.contains(where: { $0.id == scaleID }) {
                    reader.report(
                        scaleNode, "workshop.unknown_scale",
                        ["scale": .text(scaleID), "accepted": .list(scales.map(\.id))])
                }
                items = readItems(required(pairs, "items", in: stageNode), seen: &itemIDs)
            } else if kind != nil, pairs.value("items") != nil {
                reader.report(pairs.value("items"), "workshop.items_not_allowed", ["kind": .text(kindName ?? "")])
            }
            if kind == .pick {
                let optionsNode = required(pairs, "options", in: stageNode)
                let entries = readOptions(optionsNode)
                pending.append((stages.count, entries))
                if let optionsNode, entries.count < 2 {
                    reader.report(optionsNode, "workshop.too_few_options")
                } else if let problem = WorkshopLimits.count(
                    entries.count, WorkshopLimits.optionsPerStage, what: "options")
                {
                    reader.report(optionsNode, problem)
                }
            } else if kind != nil, pairs.value("options") != nil {
                reader.report(pairs.value("options"), "workshop.options_not_allowed", ["kind": .text(kindName ?? "")])
            }
            stages.append(
                Stage(
                    id: id, kind: kind ?? .intro, title: title, prompt: prompt, scale: scaleID, items: items,
                    options: []))
        }
        var allItems: [Item] = []
        for item in stages.flatMap(\.items) where !allItems.contains(where: { $0.id == item.id }) {
            allItems.append(item)
        }
        for entry in pending {
            let stage = stages[entry.index]
            var options: [Option] = []
            for option in entry.entries {
                switch option {
                case .inline(let option, let node):
                    if options.contains(where: { $0.id == option.id }) {
                        reader.report(node, "workshop.duplicate_option", ["id": .text(option.id)])
                    }
                    options.append(option)
                case .reference(let reference, let node):
                    guard let item = allItems.first(where: { $0.id == reference }) else {
                        reader.report(
                            node, "workshop.unknown_option_reference",
                            ["option": .text(reference), "accepted": .list(allItems.map(\.id))])
                        continue
                    }
                    if options.contains(where: { $0.id == item.id }) {
                        reader.report(node, "workshop.duplicate_option", ["id": .text(item.id)])
                    }
                    options.append(Option(id: item.id, label: item.label))
                }
            }
            stages[entry.index] = Stage(
                id: stage.id, kind: stage.kind, title: stage.title, prompt: stage.prompt, scale: stage.scale,
                items: stage.items, options: options)
        }
        if stages.isEmpty, node != nil { reader.report(node, "workshop.no_stages") }
        return stages
    }

    mutating func readItems(_ node: Node?, seen: inout Set<String>) -> [Item] {
        var items: [Item] = []
        for itemNode in reader.sequence(node, context: "items") ?? [] {
            guard let pairs = reader.mapping(itemNode, context: "item") else { continue }
            reader.rejectUnknownKeys(pairs, allowed: ["id", "label", "description", "example"], context: "item")
            guard let id = requiredID(pairs, "id", in: itemNode, context: "item") else { continue }
            if !seen.insert(id).inserted {
                reader.report(pairs.value("id"), "workshop.duplicate_item", ["id": .text(id)])
            }
            items.append(
                Item(
                    id: id, label: localized(required(pairs, "label", in: itemNode), context: "label", lines: false),
                    description: optionalText(pairs, "description", context: "description"),
                    example: optionalText(pairs, "example", context: "example")))
        }
        if items.isEmpty, node != nil {
            reader.report(node, "workshop.no_items")
        } else if let problem = WorkshopLimits.count(items.count, WorkshopLimits.itemsPerStage, what: "items") {
            reader.report(node, problem)
        }
        return items
    }

    /// An option as written: defined inline, or named by a rating item's id.
    enum OptionEntry {
        case inline(Option, idNode: Node)
        case reference(String, Node)
    }

    /// Options are either defined inline (`id` and `label`) or named by the id
    /// of a rating item, whose label they take; they keep the file's order.
    mutating func readOptions(_ node: Node?) -> [OptionEntry] {
        var entries: [OptionEntry] = []
        for optionNode in reader.sequence(node, context: "options") ?? [] {
            if let reference = optionNode.scalar?.string {
                entries.append(.reference(reference, optionNode))
                continue
            }
            guard let pairs = reader.mapping(optionNode, context: "option") else { continue }
            reader.rejectUnknownKeys(pairs, allowed: ["id", "label"], context: "option")
            guard let id = requiredID(pairs, "id", in: optionNode, context: "option"), let idNode = pairs.value("id")
            else { continue }
            let label = localized(required(pairs, "label", in: optionNode), context: "label", lines: false)
            entries.append(.inline(Option(id: id, label: label), idNode: idNode))
        }
        return entries
    }

    mutating func readMaturity(_ node: Node?, stages: [Stage]) -> MaturityModel {
        guard let pairs = reader.mapping(node, context: "maturity") else { return MaturityModel(levels: []) }
        reader.rejectUnknownKeys(pairs, allowed: ["levels"], context: "maturity")
        let levelsNode = required(pairs, "levels", in: node!)
        var levels: [MaturityLevel] = []
        for levelNode in reader.sequence(levelsNode, context: "levels") ?? [] {
            guard let level = reader.mapping(levelNode, context: "level") else { continue }
            reader.rejectUnknownKeys(
                level, allowed: ["id", "label", "description", "recommendation", "when"], context: "level")
            guard let id = requiredID(level, "id", in: levelNode, context: "level") else { continue }
            if levels.contains(where: { $0.id == id }) {
                reader.report(level.value("id"), "workshop.duplicate_level", ["id": .text(id)])
            }
            let conditionNodes = reader.sequence(level.value("when"), context: "when") ?? []
            if let problem = WorkshopLimits.count(
                conditionNodes.count, WorkshopLimits.conditionsPerLevel, what: "conditions")
            {
                reader.report(level.value("when"), problem)
            }
            let conditions = conditionNodes.compactMap { readCondition($0, stages: stages) }
            if levels.isEmpty, level.value("when") != nil {
                reader.report(level.value("when"), "workshop.first_level_conditions")
            }
            if !levels.isEmpty, conditionNodes.isEmpty {
                reader.report(level.value("when") ?? levelNode, "workshop.level_without_conditions", ["id": .text(id)])
            }
            levels.append(
                MaturityLevel(
                    id: id, label: localized(required(level, "label", in: levelNode), context: "label", lines: false),
                    description: localized(required(level, "description", in: levelNode), context: "description"),
                    recommendation: optionalText(level, "recommendation", context: "recommendation"),
                    conditions: conditions))
        }
        if levelsNode != nil, levels.count < 2 {
            reader.report(levelsNode, "workshop.too_few_levels")
        } else if let problem = WorkshopLimits.count(levels.count, WorkshopLimits.levels, what: "levels") {
            reader.report(levelsNode, problem)
        }
        return MaturityModel(levels: levels)
    }

    mutating func readCondition(_ node: Node, stages: [Stage]) -> MaturityCondition? {
        guard let pairs = reader.mapping(node, context: "condition") else { return nil }
        if let itemNode = pairs.value("item") {
            reader.rejectUnknownKeys(pairs, allowed: ["item", "at_least", "at_most"], context: "condition")
            guard let item = reader.string(itemNode, context: "item") else { return nil }
            let known = stages.filter { $0.kind == .rating }.flatMap(\.items).map(\.id)
            if !known.contains(item) {
                reader.report(itemNode, "workshop.rule_unknown_item", ["item": .text(item), "accepted": .list(known)])
            }
            let atLeast = pairs.value("at_least").flatMap { reader.double($0, context: "at_least") }
            let atMost = pairs.value("at_most").flatMap { reader.double($0, context: "at_most") }
            if atLeast == nil, atMost == nil { reader.report(node, "workshop.rule_needs_bound") }
            for (key, bound) in [("at_least", atLeast), ("at_most", atMost)] where bound?.isFinite == false {
                reader.report(pairs.value(key), "file.expected_number", ["context": .text(key)])
            }
            checkBounds(item: item, [("at_least", atLeast), ("at_most", atMost)], pairs: pairs, stages: stages)
            return .rating(item: item, atLeast: atLeast, atMost: atMost)
        }
        if let stageNode = pairs.value("pick") {
            reader.rejectUnknownKeys(pairs, allowed: ["pick", "in", "not_in"], context: "condition")
            guard let stageID = reader.string(stageNode, context: "pick") else { return nil }
            let picks = stages.filter { $0.kind == .pick }
            guard let stage = picks.first(where: { $0.id == stageID }) else {
                if stagesOfUnknownKind.contains(stageID) { return nil }
                reader.report(
                    stageNode, "workshop.rule_unknown_pick",
                    ["stage": .text(stageID), "accepted": .list(picks.map(\.id))])
                return nil
            }
            let negated = pairs.value("not_in") != nil
            let listNode = pairs.value("in") ?? pairs.value("not_in")
            guard listNode != nil else {
                reader.report(node, "workshop.rule_needs_options")
                return nil
            }
            var among: [String] = []
            for optionNode in reader.sequence(listNode, context: "in") ?? [] {
                guard let option = reader.string(optionNode, context: "in") else { continue }
                if stage.option(option) == nil {
                    reader.report(
                        optionNode, "workshop.rule_unknown_option",
                        ["option": .text(option), "stage": .text(stageID), "accepted": .list(stage.options.map(\.id))])
                }
                among.append(option)
            }
            if among.isEmpty { reader.report(listNode, "workshop.rule_needs_options") }
            return .pick(stage: stageID, among: among, negated: negated)
        }
        if let strategyNode = pairs.value("strategy") {
            reader.rejectUnknownKeys(pairs, allowed: ["strategy"], context: "condition")
            guard let name = reader.string(strategyNode, context: "strategy") else { return nil }
            guard let requirement = StrategyRequirement(rawValue: name) else {
                reader.report(
                    strategyNode, "workshop.rule_unknown_strategy",
                    ["value": .text(name), "accepted": .list(StrategyRequirement.allCases.map(\.rawValue))])
                return nil
            }
            if !stages.contains(where: { $0.kind == .strategy }) {
                reader.report(strategyNode, "workshop.rule_no_strategy_stage")
            }
            return .strategy(requirement)
        }
        reader.report(node, "workshop.unknown_condition", ["accepted": .list(["item", "pick", "strategy"])])
        return nil
    }

    /// A rule's bounds must lie on the scale of the item they test.
    mutating func checkBounds(item: String, _ bounds: [(String, Double?)], pairs: Pairs, stages: [Stage]) {
        guard let stage = stages.first(where: { $0.kind == .rating && $0.item(item) != nil }),
            let scale = scales.first(where: { $0.id == stage.scale })
        else { return }
        for case (let key, let bound?) in bounds
        where bound.isFinite && (bound < Double(scale.min) || bound > Double(scale.max)) {
            reader.report(pairs.value(key), "workshop.rule_bound_off_scale", offScale(bound, item: item, scale: scale))
        }
    }

    func offScale(_ bound: Double, item: String, scale: Scale) -> [String: MessageValue] {
        [
            "bound": .text(WorkshopLimits.shown(bound)), "item": .text(item), "min": .count(scale.min),
            "max": .count(scale.max),
        ]
    }

    mutating func readRecommendations(_ node: Node?) -> [String: LocalizedText] {
        var result: [String: LocalizedText] = [:]
        for pair in reader.mapping(node, context: "recommendations") ?? [] {
            if !SiloKind.allCases.map(\.rawValue).contains(pair.key) {
                reader.report(
                    pair.keyNode, "workshop.unknown_finding",
                    ["kind": .text(pair.key), "accepted": .list(SiloKind.allCases.map(\.rawValue))])
            }
            result[pair.key] = localized(pair.value, context: pair.key)
        }
        return result
    }
}
