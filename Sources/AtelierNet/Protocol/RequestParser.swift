import AtelierREPL

/// Reads one protocol line into a request. Words are separated by spaces;
/// a text argument is the rest of the line, with its surrounding double
/// quotes taken off when it has them (`note "a remark"` or `note a remark`).
public enum RequestParser {
    /// The participant's commands, in the order `help` lists them.
    public static let commands = [
        "join", "resume", "rate", "pick", "strategy", "knows", "shares", "note", "stage", "results", "whoami",
        "locale", "help", "quit",
    ]

    /// The facilitator's commands, refused with a clear line when a participant sends them:
    /// every word and alias of the facilitator's command table (the network's entries
    /// included) that is not also a participant's command.
    public static let facilitatorCommands: Set<String> = {
        let table = CommandTable.builtin(adding: ParticipantNetwork.commands)
        return Set(table.specs.flatMap { [$0.word] + $0.aliases }).subtracting(commands)
    }()

    /// nil for a blank line, which needs no reply.
    public static func parse(_ line: String) -> Result<ParticipantRequest, RequestProblem>? {
        let scalars = line.unicodeScalars
        let trimmed = scalars.drop(while: isSpace)
        guard !trimmed.isEmpty else { return nil }
        let verbEnd = trimmed.firstIndex(where: isSpace) ?? trimmed.endIndex
        let verb = String(trimmed[..<verbEnd]).lowercased()
        let rest = trimmed[verbEnd...].drop(while: isSpace)
        let words = rest.split(whereSeparator: isSpace).map(String.init)
        return parse(verb: verb, words: words, rest: Substring(rest))
    }

    /// Unicode white space, with the common ASCII case decided without a
    /// property lookup.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    private static func parse(verb: String, words: [String], rest: Substring)
        -> Result<ParticipantRequest, RequestProblem>
    {
        switch verb {
        case "join":
            guard words.count == 3 || words.count == 4 else { return .failure(.usage(verb)) }
            return .success(
                .join(code: words[0], name: words[1], department: words[2], locale: words.dropFirst(3).first))
        case "resume":
            guard words.count == 1 else { return .failure(.usage(verb)) }
            return .success(.resume(token: words[0]))
        case "rate":
            guard (1...3).contains(words.count) else { return .failure(.usage(verb)) }
            guard let value = Int(words[words.count - 1]) else { return .failure(.notANumber(words[words.count - 1])) }
            let who = words.count == 3 ? words[0] : nil
            let item = words.count >= 2 ? words[words.count - 2] : nil
            return .success(.rate(who: who, item: item, value: value))
        case "pick":
            guard (1...2).contains(words.count) else { return .failure(.usage(verb)) }
            return .success(.pick(who: words.count == 2 ? words[0] : nil, option: words[words.count - 1]))
        case "strategy":
            guard words.first?.lowercased() == "add", words.count >= 2 else { return .failure(.usage(verb)) }
            let text = rest.dropFirst(3).drop { $0.isWhitespace }
            return .success(.strategy(text: unquoted(text)))
        case "knows", "shares":
            guard (1...2).contains(words.count) else { return .failure(.usage(verb)) }
            let department = words.count == 2 ? words[0] : nil
            let other = words[words.count - 1]
            return .success(
                verb == "knows"
                    ? .knows(department: department, other: other) : .shares(department: department, other: other))
        case "note":
            guard !words.isEmpty else { return .failure(.usage(verb)) }
            return .success(.note(text: unquoted(rest)))
        case "stage", "results", "whoami", "help", "quit":
            guard words.isEmpty else { return .failure(.usage(verb)) }
            let simple: [String: ParticipantRequest] = [
                "stage": .stage, "results": .results, "whoami": .whoami, "help": .help, "quit": .quit,
            ]
            return .success(simple[verb] ?? .help)
        case "locale":
            guard words.count == 1 else { return .failure(.usage(verb)) }
            return .success(.locale(words[0].lowercased()))
        default:
            if facilitatorCommands.contains(verb) { return .failure(.facilitatorOnly(verb)) }
            return .failure(.unknownCommand(verb))
        }
    }

    /// The text without trailing spaces and without one pair of surrounding double quotes.
    static func unquoted(_ text: Substring) -> String {
        var text = text
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        if text.count >= 2, text.first == "\"", text.last == "\"" {
            text = text.dropFirst().dropLast()
        }
        return String(text)
    }
}
