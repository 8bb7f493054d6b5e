/// One way of writing a command: the fixed words and arguments after the
/// command word, and what they build.
public struct CommandForm: Sendable {
    public let pattern: [PatternElement]
    /// Nil for an extension's command: it builds `.custom` with the arguments.
    let build: (@Sendable (Arguments) -> ParsedCommand)?

    public init(_ pattern: [PatternElement]) {
        self.pattern = pattern
        self.build = nil
    }

    init(_ pattern: [PatternElement], _ build: @escaping @Sendable (Arguments) -> ParsedCommand) {
        self.pattern = pattern
        self.build = build
    }

    /// The fixed words of the form by their position after the command word.
    /// A fixed word may only follow required single-word arguments.
    var fixedWords: [(index: Int, word: String)] {
        var out: [(Int, String)] = []
        for (index, element) in pattern.enumerated() {
            if case .word(let word) = element { out.append((index, word)) }
        }
        return out
    }

    /// Every way to drop optional arguments, those keeping the most first.
    var expansions: [[PatternElement]] {
        let optional = pattern.indices.filter { index in
            if case .slot(let slot) = pattern[index], slot.optional, !slot.rest { return true }
            return false
        }
        var out: [[Int]] = [[]]
        for index in optional { out = out.flatMap { [$0, $0 + [index]] } }
        return out.sorted { $0.count < $1.count }.map { dropped in
            pattern.indices.filter { !dropped.contains($0) }.map { pattern[$0] }
        }
    }
}

/// An entry of the command table: its word, aliases, forms and help text.
public struct CommandSpec: Sendable {
    public let word: String
    /// Other words for the same command (French aliases...). Never shown as
    /// the command's name; completed only when no command word fits.
    public let aliases: [String]
    /// The catalog key of the group it is listed under in `help`.
    public let groupKey: String
    /// The catalog key of its one-line help.
    public let helpKey: String
    public let forms: [CommandForm]

    public init(word: String, aliases: [String] = [], groupKey: String, helpKey: String, forms: [CommandForm]) {
        self.word = word
        self.aliases = aliases
        self.groupKey = groupKey
        self.helpKey = helpKey
        self.forms = forms
    }

    public func answers(to word: String) -> Bool { self.word == word || aliases.contains(word) }
}
