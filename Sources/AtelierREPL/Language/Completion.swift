import AtelierCore
import AtelierTerminal

/// What Tab may complete to at this moment of the session.
public struct CompletionContext: Sendable, Hashable {
    public var departments: [String] = []
    public var participants: [String] = []
    public var stages: [String] = []
    /// The current stage's items, options and scale points.
    public var items: [String] = []
    public var options: [String] = []
    public var values: [String] = []
    public var formats: [String] = []

    public init() {}

    public init(state: SessionState, formats: [String]) {
        departments = state.departments.map(\.id)
        participants = state.presentParticipants.map(\.name)
        stages = state.workshop.stages.map(\.id)
        if let stage = state.stage {
            items = stage.items.map(\.id)
            options = stage.options.map(\.id)
            values = state.workshop.scale(of: stage).map { $0.points.map(String.init) } ?? []
        }
        self.formats = formats
    }
}

extension CommandTable {
    /// The completions for a line typed up to the cursor: command words
    /// first, then in each argument position what the command's forms accept.
    public func complete(_ line: String, context: CompletionContext) -> CompletionAnswer {
        let partial = Tokenizer.partial(line)
        guard let first = partial.words.first else {
            let words = specs.map(\.word).filter { $0.hasPrefix(partial.current) }
            if !words.isEmpty { return .words(words) }
            return .words(specs.flatMap(\.aliases).filter { $0.hasPrefix(partial.current) })
        }
        guard let spec = spec(first) else { return .words([]) }
        let args = Array(partial.words.dropFirst())
        var words: [String] = []
        var arguments = false
        var files = false
        for form in spec.forms {
            for expansion in form.expansions {
                guard let element = Self.element(at: args.count, of: expansion, after: args) else { continue }
                switch element {
                case .word(let word):
                    words.append(word)
                case .slot(let slot):
                    if slot.kind == .path { files = true }
                    let found = candidates(for: slot.kind, context)
                    arguments = arguments || !found.isEmpty
                    words += found
                }
            }
        }
        // Where a path may stand, file names win over a fixed word that could
        // follow it (`export md ` completes files; `export md out.md ` gives `force`).
        if files && !arguments { return .files }
        var seen = Set<String>()
        // A name with spaces completes in double quotes, as it must be typed
        // (`rate "Jean Dupont"`), unless the quote is already open.
        let typed = partial.openQuote == nil ? words.map(Tokenizer.quote) : words
        return .words(typed.filter { seen.insert($0).inserted })
    }

    /// The element of an expansion at an argument position, if the words
    /// before it agree with the expansion's fixed words.
    private static func element(
        at index: Int, of elements: [PatternElement], after args: [String]
    ) -> PatternElement? {
        for (position, element) in elements.enumerated() {
            if case .slot(let slot) = element, slot.rest { return element }
            if position == index { return element }
            if case .word(let word) = element, args[position] != word { return nil }
        }
        return nil
    }

    private func candidates(for kind: SlotKind, _ context: CompletionContext) -> [String] {
        switch kind {
        case .who: return context.participants + context.departments
        case .department: return context.departments
        case .participant: return context.participants
        case .stage: return context.stages
        case .item: return context.items
        case .option: return context.options
        case .value: return context.values
        case .format: return context.formats
        case .command: return specs.map(\.word)
        case .choice(let words): return words
        case .newDepartment, .displayName, .newParticipant, .minutes, .text, .path: return []
        }
    }
}
