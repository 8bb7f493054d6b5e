import AtelierCore

/// Splits a command line into words, the way a facilitator types them.
///
/// - Words are separated by spaces or tabs.
/// - `"..."` and `'...'` group words with spaces into one; `""` is an empty word.
/// - A backslash makes the next character literal, inside or outside quotes
///   (`\"`, `\'`, `\\`, `\ `).
/// - An unquoted `#` at the start of a word starts a comment to the end of the line.
public enum Tokenizer {
    public enum Failure: Error, Sendable, Hashable {
        case unclosedQuote(Character)
        case trailingBackslash

        public var message: LocalizedMessage {
            switch self {
            case .unclosedQuote(let quote):
                return LocalizedMessage("repl.error.unclosed_quote", ["quote": .text(String(quote))])
            case .trailingBackslash:
                return LocalizedMessage("repl.error.trailing_backslash")
            }
        }
    }

    /// The words of a line typed so far, for completion: the finished words,
    /// the word under the cursor, and the quote it is open in, if any.
    public struct Partial: Sendable, Hashable {
        public let words: [String]
        public let current: String
        public let openQuote: Character?
    }

    public static func split(_ line: String) throws(Failure) -> [String] {
        let scan = scan(line)
        if let quote = scan.openQuote { throw .unclosedQuote(quote) }
        if scan.danglingEscape { throw .trailingBackslash }
        return scan.words + (scan.inWord ? [scan.current] : [])
    }

    /// Tolerant split of an unfinished line (never fails).
    public static func partial(_ line: String) -> Partial {
        let scan = scan(line)
        return Partial(words: scan.words, current: scan.inWord ? scan.current : "", openQuote: scan.openQuote)
    }

    private struct Scan {
        var words: [String] = []
        var current = ""
        var inWord = false
        var openQuote: Character?
        var danglingEscape = false
    }

    private static func scan(_ line: String) -> Scan {
        var scan = Scan()
        var escaped = false
        for character in line {
            if escaped {
                scan.current.append(character)
                scan.inWord = true
                escaped = false
                continue
            }
            if character == "\\" {
                escaped = true
                continue
            }
            if let quote = scan.openQuote {
                if character == quote { scan.openQuote = nil } else { scan.current.append(character) }
                continue
            }
            switch character {
            case "\"", "'":
                scan.openQuote = character
                scan.inWord = true
            case " ", "\t":
                if scan.inWord {
                    scan.words.append(scan.current)
                    scan.current = ""
                    scan.inWord = false
                }
            case "#" where !scan.inWord:
                return scan
            default:
                scan.current.append(character)
                scan.inWord = true
            }
        }
        scan.danglingEscape = escaped
        return scan
    }

    /// Quotes a word so that `split` gives it back unchanged.
    public static func quote(_ word: String) -> String {
        let plain = !word.isEmpty && word.allSatisfy { !" \t\"'\\#".contains($0) }
        if plain { return word }
        var out = "\""
        for character in word {
            if character == "\"" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out + "\""
    }
}
