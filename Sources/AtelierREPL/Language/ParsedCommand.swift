import AtelierCore

/// What a line of the command language asks for.
public enum ParsedCommand: Sendable, Hashable {
    /// A change to the session, submitted to the live session.
    case submit(Action)
    /// Something the REPL shows or does itself, changing nothing in the session.
    case local(LocalCommand)
    /// A command of a REPL extension (see `REPLExtension`).
    case custom(CustomCommand)
}

/// The REPL's own commands.
public enum LocalCommand: Sendable, Hashable {
    case help(command: String?)
    case stage
    case status
    case departments
    case participants
    case strategies(department: String?)
    /// `all`: the facilitator asks for every department's figures, small groups' too.
    case results(stage: String?, all: Bool = false)
    case consensus
    /// Round by round, per department, for a stage (default: the current one).
    case rounds(stage: String?)
    case silos
    case maturity
    /// `force` replaces a file or folder already at the target.
    case export(format: String, path: String?, force: Bool = false)
    case quit
    /// `pager on|off`.
    case pager(Bool)
    case clear
}

/// A command an extension added to the table, with its arguments by name.
public struct CustomCommand: Sendable, Hashable {
    /// The command word of the table entry (never an alias).
    public let word: String
    public let arguments: Arguments

    public init(word: String, arguments: Arguments) {
        self.word = word
        self.arguments = arguments
    }
}

/// The arguments a command form bound, by slot name, and the fixed words
/// it matched (`new` in `code new`).
public struct Arguments: Sendable, Hashable {
    public let values: [String: String]
    public let numbers: [String: Int]
    public let words: [String]

    public init(values: [String: String] = [:], numbers: [String: Int] = [:], words: [String] = []) {
        self.values = values
        self.numbers = numbers
        self.words = words
    }

    public subscript(_ name: String) -> String? { values[name] }

    /// A required text argument (the matcher guarantees it is there).
    public func text(_ name: String) -> String { values[name] ?? "" }

    public func number(_ name: String) -> Int { numbers[name] ?? 0 }

    public func has(word: String) -> Bool { words.contains(word) }
}
