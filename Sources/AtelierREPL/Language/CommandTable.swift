import AtelierCore

/// The command language: one table of commands from which parsing, usages,
/// help, suggestions and completion are all derived. Pure.
public struct CommandTable: Sendable {
    public let specs: [CommandSpec]

    /// The built-in commands followed by the extensions' ones. A word or
    /// alias already taken is not added twice (the first entry keeps it).
    public init(_ specs: [CommandSpec]) {
        var taken = Set<String>()
        var kept: [CommandSpec] = []
        for spec in specs where !taken.contains(spec.word) {
            let aliases = spec.aliases.filter { !taken.contains($0) && $0 != spec.word }
            taken.insert(spec.word)
            taken.formUnion(aliases)
            kept.append(
                CommandSpec(
                    word: spec.word, aliases: aliases, groupKey: spec.groupKey, helpKey: spec.helpKey,
                    forms: spec.forms))
        }
        self.specs = kept
    }

    public func spec(_ word: String) -> CommandSpec? {
        specs.first { $0.word == word } ?? specs.first { $0.aliases.contains(word) }
    }

    public func usages(_ spec: CommandSpec) -> [Usage] {
        spec.forms.map { Usage(word: spec.word, pattern: $0.pattern) }
    }

    /// Parses one line. A blank line or a comment is `nil`.
    public func parse(_ line: String) throws(ParseError) -> ParsedCommand? {
        let words: [String]
        do {
            words = try Tokenizer.split(line)
        } catch {
            throw .tokens(error)
        }
        guard let first = words.first else { return nil }
        guard let spec = spec(first) else {
            throw .unknownCommand(first, suggestion: suggestion(for: first))
        }
        return try parse(spec, Array(words.dropFirst()))
    }

    /// The forms with a fixed word are tried first: a fixed word is more
    /// specific than an argument (`export md force` replaces, it does not
    /// write to a file named `force`).
    private func parse(_ spec: CommandSpec, _ args: [String]) throws(ParseError) -> ParsedCommand {
        let forms = spec.forms.filter { !$0.fixedWords.isEmpty } + spec.forms.filter { $0.fixedWords.isEmpty }
        for form in forms {
            for expansion in form.expansions {
                guard let bound = Self.bind(expansion, args) else { continue }
                let usage = Usage(word: spec.word, pattern: form.pattern)
                let arguments = try Self.check(bound, usage: usage)
                return form.build?(arguments) ?? .custom(CustomCommand(word: spec.word, arguments: arguments))
            }
        }
        // No form fits: a wrong fixed word, or a wrong number of arguments.
        let fixed = spec.forms.flatMap(\.fixedWords)
        for index in Set(fixed.map(\.index)).sorted() where index < args.count {
            let accepted = unique(fixed.filter { $0.index == index }.map(\.word))
            if !accepted.contains(args[index]) {
                throw .unknownWord(args[index], command: spec.word, accepted: accepted, usages: usages(spec))
            }
        }
        if let example = Self.spacedName(spec, args) { throw .nameWithSpaces(example: example) }
        let agreeing = spec.forms.filter { form in
            form.fixedWords.allSatisfy { $0.index >= args.count || args[$0.index] == $0.word }
        }
        let shown = agreeing.filter { !$0.fixedWords.isEmpty && $0.fixedWords.allSatisfy { $0.index < args.count } }
        let list = (shown.isEmpty ? agreeing : shown).map { Usage(word: spec.word, pattern: $0.pattern) }
        throw .wrongArity(command: spec.word, usages: list)
    }

    /// `join Jean Dupont marketing`: one word too many for a command that
    /// starts with a person's name reads as a name with spaces; the line as it
    /// should be written (`join "Jean Dupont" marketing`), or nil.
    private static func spacedName(_ spec: CommandSpec, _ args: [String]) -> String? {
        for form in spec.forms {
            guard case .slot(let slot)? = form.pattern.first, slot.kind == .newParticipant || slot.kind == .participant
            else { continue }
            let length = form.pattern.count
            guard args.count > length, form.pattern.allSatisfy({ if case .slot(let s) = $0 { !s.rest } else { true } })
            else { continue }
            let after = length - 1
            let name = args.prefix(args.count - after).joined(separator: " ")
            return ([spec.word, Tokenizer.quote(name)] + args.suffix(after).map(Tokenizer.quote)).joined(separator: " ")
        }
        return nil
    }

    /// The words bound to each element of an expansion, or nil when the
    /// count or a fixed word does not fit.
    private static func bind(_ elements: [PatternElement], _ args: [String]) -> [(PatternElement, String)]? {
        var out: [(PatternElement, String)] = []
        var index = 0
        for (position, element) in elements.enumerated() {
            if case .slot(let slot) = element, slot.rest {
                guard position == elements.count - 1 else { return nil }
                let remaining = args[min(index, args.count)...]
                if remaining.isEmpty && !slot.optional { return nil }
                if !remaining.isEmpty { out.append((element, remaining.joined(separator: " "))) }
                return out
            }
            guard index < args.count else { return nil }
            if case .word(let word) = element, args[index] != word { return nil }
            out.append((element, args[index]))
            index += 1
        }
        return index == args.count ? out : nil
    }

    private static func check(_ bound: [(PatternElement, String)], usage: Usage) throws(ParseError) -> Arguments {
        var values: [String: String] = [:]
        var numbers: [String: Int] = [:]
        var words: [String] = []
        for (element, text) in bound {
            switch element {
            case .word(let word):
                words.append(word)
            case .slot(let slot):
                if slot.kind.isNumber {
                    guard let number = Int(text) else {
                        throw .notANumber(text, placeholder: slot.placeholderKey, usage: usage)
                    }
                    numbers[slot.name] = number
                }
                if case .choice(let accepted) = slot.kind, !accepted.contains(text) {
                    throw .notAChoice(text, accepted: accepted, usage: usage)
                }
                values[slot.name] = text
            }
        }
        return Arguments(values: values, numbers: numbers, words: words)
    }

    /// The closest command word or alias, if one is close enough to be a typo.
    public func suggestion(for word: String) -> String? {
        if let exact = spec(word.lowercased()) { return exact.word }
        let candidates = specs.flatMap { spec in ([spec.word] + spec.aliases).map { (spelling: $0, meaning: spec.word) }
        }
        return Suggestion.closest(to: word, amongSpellings: candidates)
    }

    private func unique(_ words: [String]) -> [String] {
        var seen = Set<String>()
        return words.filter { seen.insert($0).inserted }
    }
}
