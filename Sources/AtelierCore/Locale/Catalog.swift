/// One language's messages, loaded from `locales/LANG.yaml`.
///
/// A message is a template with named placeholders (`{department}`), or a
/// mapping of plural forms (`one`, `other`) chosen by the `count` argument.
///
/// Inside any template, a plural choice picks words by the number of any
/// count argument, so that a sentence with two counts agrees with each:
/// `{known} {known|one:connaît|other:connaissent}` reads the argument
/// `known` and takes the text of its plural form (`one`, `other`; `other`
/// when the argument is missing or not a count). A choice's text may hold
/// placeholders and other choices (`{others|one:l'autre département|other:{others} autres}`);
/// it cannot hold `|` nor unbalanced braces.
public struct Catalog: Sendable {
    public enum Template: Sendable, Equatable {
        case plain(String)
        case plural([PluralCategory: String])

        var forms: [String] {
            switch self {
            case .plain(let text): return [text]
            case .plural(let forms): return PluralCategory.allCases.compactMap { forms[$0] }
            }
        }
    }

    public let language: String
    public let name: String
    public let pluralRule: PluralRule
    public let decimalSeparator: String
    public let listSeparator: String
    /// Words that elide before a value starting with a vowel (French `de`,
    /// `que`: "la stratégie d'Informatique").
    public let elisions: [String]
    public let messages: [String: Template]
    /// Where each key was defined, for validation messages.
    public let positions: [String: SourcePosition]

    public init(
        language: String, name: String, decimalSeparator: String = ".", listSeparator: String = ", ",
        elisions: [String] = [], messages: [String: Template], positions: [String: SourcePosition] = [:]
    ) {
        self.elisions = elisions
        self.language = language
        self.name = name
        self.pluralRule = PluralRule.forLanguage(language)
        self.decimalSeparator = decimalSeparator
        self.listSeparator = listSeparator
        self.messages = messages
        self.positions = positions
    }

    /// Renders a message. A missing key renders as the key itself in angle
    /// brackets, so a gap is visible rather than silent; tests make sure none is.
    public func render(_ message: LocalizedMessage) -> String {
        text(message.key, message.args)
    }

    public func text(_ key: String, _ args: [String: MessageValue] = [:]) -> String {
        guard let template = messages[key] else { return "⟨\(key)⟩" }
        let pattern: String
        switch template {
        case .plain(let text):
            pattern = text
        case .plural(let forms):
            var count = 0
            if case .count(let n)? = args["count"] { count = n }
            pattern = forms[pluralRule.category(for: count)] ?? forms[.other] ?? ""
        }
        return fill(Substring(pattern), args)
    }

    public func format(_ value: Double, digits: Int) -> String {
        let text = FixedDecimal.text(value, digits: digits)
        return decimalSeparator == "." ? text : text.split(separator: ".").joined(separator: decimalSeparator)
    }

    /// Items joined by the list separator; an empty list reads `common.empty_list` ("none").
    public func list(_ items: [String]) -> String {
        items.isEmpty ? text("common.empty_list") : items.joined(separator: listSeparator)
    }

    /// The pattern with each `{name}` replaced by its argument and each
    /// plural choice `{name|one:…|other:…}` by its chosen text, filled in
    /// turn; a name without an argument stays as written. Scans bytes:
    /// braces and bars are ASCII.
    private func fill(_ pattern: Substring, _ args: [String: MessageValue]) -> String {
        let bytes = pattern.utf8
        var out = ""
        out.reserveCapacity(bytes.count + 16)
        var start = bytes.startIndex
        while let open = bytes[start...].firstIndex(of: UInt8(ascii: "{")),
            let close = Self.closing(pattern, from: open)
        {
            out += pattern[start..<open]
            let inside = pattern[bytes.index(after: open)..<close]
            if let choice = Self.choice(inside) {
                let text = fill(chosen(choice, args), args)
                elide(&out, before: text)
                out += text
            } else if let value = args[String(inside)] {
                let text = render(value)
                elide(&out, before: text)
                out += text
            } else {
                out += pattern[open...close]
            }
            start = bytes.index(after: close)
        }
        out += pattern[start...]
        return out
    }

    /// A plural choice's text for its argument: the form its count takes in
    /// this language, else `other`, else nothing.
    private func chosen(_ choice: Choice, _ args: [String: MessageValue]) -> Substring {
        var category = PluralCategory.other
        if case .count(let n)? = args[choice.name] { category = pluralRule.category(for: n) }
        return choice.forms.first { $0.form == category.rawValue }?.text
            ?? choice.forms.first { $0.form == PluralCategory.other.rawValue }?.text ?? ""
    }

    /// A plural choice: `{name|one:text|other:text}` without its braces.
    struct Choice {
        let name: String
        let forms: [(form: String, text: Substring)]
    }

    /// The choice written inside a pair of braces, or nil for a plain `{name}`.
    static func choice(_ inside: Substring) -> Choice? {
        guard inside.contains("|") else { return nil }
        var parts: [Substring] = []
        var depth = 0
        var start = inside.startIndex
        for index in inside.indices {
            switch inside[index] {
            case "{": depth += 1
            case "}": depth -= 1
            case "|" where depth == 0:
                parts.append(inside[start..<index])
                start = inside.index(after: index)
            default: continue
            }
        }
        parts.append(inside[start...])
        let forms = parts.dropFirst().map { part -> (form: String, text: Substring) in
            guard let colon = part.firstIndex(of: ":") else { return (String(part), "") }
            return (String(part[..<colon]), part[part.index(after: colon)...])
        }
        return Choice(name: String(parts[0]), forms: forms)
    }

    /// The brace closing the one at `open`, nested pairs skipped.
    static func closing(_ pattern: Substring, from open: Substring.Index) -> Substring.Index? {
        var depth = 0
        let bytes = pattern.utf8
        var index = open
        while index < bytes.endIndex {
            switch bytes[index] {
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index = bytes.index(after: index)
        }
        return nil
    }

    /// Every plural choice of a template's text, nested ones included.
    static func choices(in text: Substring) -> [Choice] {
        var found: [Choice] = []
        var start = text.startIndex
        while let open = text[start...].firstIndex(of: "{"), let close = closing(text, from: open) {
            if let choice = choice(text[text.index(after: open)..<close]) {
                found.append(choice)
                for form in choice.forms { found += choices(in: form.text) }
            }
            start = text.index(after: close)
        }
        return found
    }

    /// `de Informatique` → `d'Informatique`: the text so far ends with an
    /// elided word and a space, and the value starts with a vowel.
    private func elide(_ out: inout String, before value: String) {
        guard !elisions.isEmpty, let first = value.first, Self.vowels.contains(first) else { return }
        for word in elisions {
            let tail = out.suffix(word.count + 1)
            guard tail.count == word.count + 1, tail.lowercased() == word + " " else { continue }
            let head = out.dropLast(word.count + 1)
            guard head.last.map({ !$0.isLetter }) ?? true else { continue }
            out = String(head) + tail.dropLast(2) + "'"
            return
        }
    }

    private static let vowels = Set("aeiouyàâäéèêëîïôöûùüAEIOUYÀÂÄÉÈÊËÎÏÔÖÛÙÜ")

    private func render(_ value: MessageValue) -> String {
        switch value {
        // What a person typed or a file held is shown as text, never acted on:
        // a control or invisible character in it is written as an escape (`\x1b`).
        case .text(let text): return PlainText.escaped(text, keepingLineBreaks: true)
        case .count(let n): return String(n)
        case .decimal(let x, let digits): return format(x, digits: digits)
        case .list(let items): return list(items.map { PlainText.escaped($0, keepingLineBreaks: true) })
        case .message(let message): return render(message)
        }
    }

    /// The placeholder names a template uses, in every plural form and
    /// plural choice (a choice's own argument included).
    public static func placeholders(in template: Template) -> Set<String> {
        template.forms.reduce(into: Set<String>()) { $0.formUnion(placeholders(in: Substring($1))) }
    }

    static func placeholders(in text: Substring) -> Set<String> {
        var names = Set<String>()
        var start = text.startIndex
        while let open = text[start...].firstIndex(of: "{"), let close = closing(text, from: open) {
            let inside = text[text.index(after: open)..<close]
            if let choice = choice(inside) {
                names.insert(choice.name)
                for form in choice.forms { names.formUnion(placeholders(in: form.text)) }
            } else {
                names.insert(String(inside))
            }
            start = text.index(after: close)
        }
        return names
    }

    /// The form names of the plural choices in a template that are no
    /// plural category, and whether each choice has an `other` form.
    public static func choiceProblems(in template: Template) -> (unknownForms: [String], missingOther: Bool) {
        var unknown: [String] = []
        var missingOther = false
        for form in template.forms {
            for choice in choices(in: Substring(form)) {
                unknown += choice.forms.map(\.form).filter { PluralCategory(rawValue: $0) == nil }
                if !choice.forms.contains(where: { $0.form == PluralCategory.other.rawValue }) { missingOther = true }
            }
        }
        return (unknown, missingOther)
    }
}
