import ArgumentParser
import AtelierCore
import AtelierExport

/// A value of an option that takes one of a few words (`--format`,
/// `--order`): the help lists them (`allValueStrings`), and a word that is
/// none of them is kept as typed, for `validate()` to refuse in the
/// reader's language; ArgumentParser's own refusal would be in English.
enum Choice<Value: RawRepresentable & CaseIterable & Sendable>: ExpressibleByArgument, Sendable
where Value.RawValue == String {
    case value(Value)
    case unknown(String)

    init(argument: String) {
        self = Value(rawValue: argument).map(Choice.value) ?? .unknown(argument)
    }

    init(_ value: Value) {
        self = .value(value)
    }

    static var allValueStrings: [String] { Value.allCases.map(\.rawValue) }

    var defaultValueDescription: String {
        switch self {
        case .value(let value): value.rawValue
        case .unknown(let text): text
        }
    }

    /// The value, or the refusal `message` gives for the word typed (exit 64).
    func checked(_ cli: CLI, _ message: (String, [String]) -> LocalizedMessage) throws -> Value {
        switch self {
        case .value(let value): return value
        case .unknown(let text): try cli.refuse(message(text, Self.allValueStrings))
        }
    }
}

extension Choice where Value == ExportFormat {
    /// The format, or a refusal naming the formats accepted.
    func checked(_ cli: CLI) throws -> ExportFormat {
        try checked(cli) {
            LocalizedMessage("export.cli.unknown_format", ["format": .text($0), "accepted": .list($1)])
        }
    }
}
