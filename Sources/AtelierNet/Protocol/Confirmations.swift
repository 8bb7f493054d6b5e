import AtelierCore

/// The text of the `ok` line of an accepted answer: what was recorded, in
/// words. A room sends the same few ratings and picks (an item, a value, a
/// language), so those lines are rendered once, for the whole workshop,
/// when the server starts; answers with free text are rendered each time.
struct Confirmations: Sendable {
    private struct Key: Hashable {
        let language: String
        let stage: String
        let answer: String
        let value: Int
    }

    private let rendered: [Key: String]

    init(workshop: Workshop, catalogs: some Sequence<Catalog>) {
        var rendered: [Key: String] = [:]
        for catalog in catalogs {
            for stage in workshop.stages {
                let values = workshop.scale(of: stage).map { Array($0.points) } ?? []
                let answers =
                    stage.items.flatMap { item in
                        values.map { Event.rated(rater: .department(""), stage: stage.id, item: item.id, value: $0) }
                    }
                    + stage.options.map { Event.picked(rater: .department(""), stage: stage.id, option: $0.id) }
                for event in answers {
                    guard let key = Self.key(event, catalog.language) else { continue }
                    rendered[key] = Self.render(event, workshop, catalog)
                }
            }
        }
        self.rendered = rendered
    }

    func line(_ event: Event, _ workshop: Workshop, _ catalog: Catalog) -> String {
        if let key = Self.key(event, catalog.language), let line = rendered[key] { return line }
        return Self.render(event, workshop, catalog)
    }

    private static func key(_ event: Event, _ language: String) -> Key? {
        switch event {
        case .rated(_, let stage, let item, let value):
            return Key(language: language, stage: stage, answer: item, value: value)
        case .picked(_, let stage, let option):
            return Key(language: language, stage: stage, answer: option, value: 0)
        default:
            return nil
        }
    }

    static func render(_ event: Event, _ workshop: Workshop, _ catalog: Catalog) -> String {
        let language = catalog.language
        switch event {
        case .rated(_, let stageID, let item, let value):
            let label = workshop.stage(stageID).flatMap { workshop.scale(of: $0)?.label(value)?.text(language) }
            return catalog.text(
                "net.ok.rated", ["item": .text(item), "value": .count(value), "label": .text(label ?? "")])
        case .picked(_, let stageID, let option):
            let label = workshop.stage(stageID)?.option(option)?.label.text(language)
            return catalog.text("net.ok.picked", ["option": .text(option), "label": .text(label ?? option)])
        case .strategyDeclared(let department, _):
            return catalog.text("net.ok.strategy", ["department": .text(department)])
        case .knowsDeclared(let department, let other):
            return catalog.text("net.ok.knows", ["department": .text(department), "other": .text(other)])
        case .sharesDeclared(let department, let other):
            return catalog.text("net.ok.shares", ["department": .text(department), "other": .text(other)])
        default:
            return catalog.text("net.ok.note")
        }
    }
}
