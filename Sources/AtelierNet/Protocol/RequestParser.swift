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
            .subtracting(aliases.keys)
    }()

    /// The facilitator's aliases of the participant's commands (`aide`,
    /// `résultats`, `noter`...): the same words work for participants.
    public static let aliases: [String: String] = {
        let table = CommandTable.builtin(adding: ParticipantNetwork.commands)
        var out: [String: String] = [:]
        for word in commands {
            guard let spec = table.spec(word), spec.word == word else { continue }
            for alias in spec.aliases { out[alias] = word }
        }
        return out
    }()

    /// The narrowest and widest `results WIDTH` draws its bars for.
    public static let widths = 30...240

    /// nil for a blank line, which needs no reply.
    public static func parse(_ line: String) -> Result<ParticipantRequest, RequestProblem>? {
        let scalars = line.unicodeScalars
        let trimmed = scalars.drop(while: isSpace)
        guard !trimmed.isEmpty else { return nil }
        let verbEnd = trimmed.firstIndex(where: isSpace) ?? trimmed.endIndex
        let typed = String(trimmed[..<verbEnd]).lowercased()
        let verb = aliases[typed] ?? typed
        let rest = trimmed[verbEnd...].drop(while: isSpace)
        var words = rest.split(whereSeparator: isSpace).map(String.init)
        // Names and ids are words, and a name with spaces is one word in
        // double quotes (`join CODE "Jean Dupont" marketing`), as in the
        // facilitator's REPL; a text (`note`, `strategy add`) is the rest of the line.
        if quotedWords.contains(verb) {
            do {
                words = try Tokenizer.split(String(rest))
            } catch {
                return .failure(.tokens(error))
            }
        }
        return parse(verb: verb, words: words, rest: Substring(rest))
    }

    /// The commands whose arguments are words, quoted as in the REPL.
    static let quotedWords: Set<String> = ["join", "rate", "pick", "knows", "shares"]

    /// `join CODE Jean Dupont marketing`: the line with the name in double quotes.
    static func spacedJoin(code: String, words: [String], keeping after: Int) -> String {
        let name = words.dropLast(after).joined(separator: " ")
        return (["join", code, Tokenizer.quote(name)] + words.suffix(after)).joined(separator: " ")
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
            if words.count > 4 {
                // Five words and more: a name with spaces, then the department and the language.
                return .failure(
                    .nameWithSpaces(spacedJoin(code: words[0], words: Array(words.dropFirst()), keeping: 2)))
            }
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
        case "results":
            // `results WIDTH`: the client says how wide its screen is.
            guard words.count <= 1 else { return .failure(.usage(verb)) }
            guard let typed = words.first else { return .success(.results(width: nil)) }
            guard let width = Int(typed), widths.contains(width) else { return .failure(.usage(verb)) }
            return .success(.results(width: width))
        case "stage", "whoami", "help", "quit":
            guard words.isEmpty else { return .failure(.usage(verb)) }
            let simple: [String: ParticipantRequest] = [
                "stage": .stage, "whoami": .whoami, "help": .help, "quit": .quit,
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
