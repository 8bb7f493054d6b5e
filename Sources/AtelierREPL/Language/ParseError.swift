import AtelierCore

/// Why a line is not a command. Each renders to one localized line saying
/// what was wrong and what is accepted.
public enum ParseError: Error, Sendable, Hashable {
    case tokens(Tokenizer.Failure)
    case unknownCommand(String, suggestion: String?)
    case unknownWord(String, command: String, accepted: [String], usages: [Usage])
    case wrongArity(command: String, usages: [Usage])
    case notANumber(String, placeholder: String, usage: Usage)
    case notAChoice(String, accepted: [String], usage: Usage)
    /// More words than the command takes after a person's name: the line
    /// with the name in double quotes.
    case nameWithSpaces(example: String)

    public func render(_ catalog: Catalog) -> String {
        catalog.render(message(catalog))
    }

    public func message(_ catalog: Catalog) -> LocalizedMessage {
        func usages(_ list: [Usage]) -> MessageValue {
            .text(list.map { $0.render(catalog) }.joined(separator: " | "))
        }
        switch self {
        case .tokens(let failure):
            return failure.message
        case .unknownCommand(let word, let suggestion?):
            return LocalizedMessage(
                "repl.error.unknown_command_suggest", ["word": .text(word), "suggestion": .text(suggestion)])
        case .unknownCommand(let word, nil):
            return LocalizedMessage("repl.error.unknown_command", ["word": .text(word)])
        case .unknownWord(let word, let command, let accepted, let list):
            return LocalizedMessage(
                "repl.error.unknown_word",
                ["word": .text(word), "command": .text(command), "accepted": .list(accepted), "usage": usages(list)])
        case .wrongArity(let command, let list):
            return LocalizedMessage("repl.error.arity", ["command": .text(command), "usage": usages(list)])
        case .notANumber(let word, let placeholder, let usage):
            return LocalizedMessage(
                "repl.error.not_a_number",
                [
                    "word": .text(word), "placeholder": .message(LocalizedMessage(placeholder)),
                    "usage": usages([usage]),
                ])
        case .nameWithSpaces(let example):
            return LocalizedMessage("repl.error.name_with_spaces", ["example": .text(example)])
        case .notAChoice(let word, let accepted, let usage):
            return LocalizedMessage(
                "repl.error.not_a_choice", ["word": .text(word), "accepted": .list(accepted), "usage": usages([usage])])
        }
    }
}

/// How a command form is written, for help and error messages:
/// `rate WHO [ITEM] VALUE`. Placeholders are localized when rendered.
public struct Usage: Sendable, Hashable {
    public let word: String
    public let pattern: [PatternElement]

    public func render(_ catalog: Catalog) -> String {
        var parts = [word]
        for element in pattern {
            switch element {
            case .word(let fixed):
                parts.append(fixed)
            case .slot(let slot):
                var text: String
                if case .choice(let words) = slot.kind {
                    text = words.joined(separator: "|")
                } else {
                    text = catalog.text(slot.placeholderKey)
                }
                if slot.kind == .text { text = "\"\(text)\"" } else if slot.rest { text += "..." }
                if slot.optional { text = "[\(text)]" }
                parts.append(text)
            }
        }
        return parts.joined(separator: " ")
    }
}
