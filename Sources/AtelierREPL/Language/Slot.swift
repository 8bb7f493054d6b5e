/// What an argument of a command stands for. The kind decides how the word is
/// checked (numbers), how it is completed (departments, stages...) and the
/// placeholder shown in the usage (`repl.arg.KIND`).
public enum SlotKind: Sendable, Hashable {
    /// A present participant or a department answering as one voice.
    case who
    case department
    /// The id of a department being created.
    case newDepartment
    /// A display name (free words).
    case displayName
    /// The name of a participant being added.
    case newParticipant
    case participant
    case stage
    case item
    case option
    /// A point of the current stage's scale.
    case value
    case minutes
    case text
    case command
    case format
    case path
    /// One of a fixed set of words (`on`, `off`).
    case choice([String])

    /// Whether the word must be a whole number.
    var isNumber: Bool { self == .value || self == .minutes }

    /// The catalog key of the placeholder shown in usages.
    var placeholderKey: String {
        switch self {
        case .who: return "repl.arg.who"
        case .department: return "repl.arg.department"
        case .newDepartment: return "repl.arg.new_department"
        case .displayName: return "repl.arg.display_name"
        case .newParticipant: return "repl.arg.new_participant"
        case .participant: return "repl.arg.participant"
        case .stage: return "repl.arg.stage"
        case .item: return "repl.arg.item"
        case .option: return "repl.arg.option"
        case .value: return "repl.arg.value"
        case .minutes: return "repl.arg.minutes"
        case .text: return "repl.arg.text"
        case .command: return "repl.arg.command"
        case .format: return "repl.arg.format"
        case .path: return "repl.arg.path"
        case .choice: return ""
        }
    }
}

/// One argument of a command form.
public struct Slot: Sendable, Hashable {
    /// The name the form's builder reads the argument by.
    public let name: String
    public let kind: SlotKind
    public let optional: Bool
    /// Takes every remaining word, joined by single spaces.
    public let rest: Bool
    /// The catalog key of the placeholder in usages (`repl.arg.other` for OTHER).
    public let placeholderKey: String

    public init(
        _ name: String, _ kind: SlotKind, optional: Bool = false, rest: Bool = false, placeholder: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.optional = optional
        self.rest = rest
        self.placeholderKey = placeholder ?? kind.placeholderKey
    }
}

/// An element of a command form after the command word: a fixed word
/// (`add` in `dept add`) or an argument.
public enum PatternElement: Sendable, Hashable {
    case word(String)
    case slot(Slot)
}
