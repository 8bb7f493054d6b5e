/// One language's messages, loaded from `locales/LANG.yaml`.
///
/// A message is a template with named placeholders (`{department}`), or a
/// mapping of plural forms (`one`, `other`) chosen by the `count` argument.
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
        return fill(pattern, args)
    }

    public func format(_ value: Double, digits: Int) -> String {
        let text = FixedDecimal.text(value, digits: digits)
        return decimalSeparator == "." ? text : text.split(separator: ".").joined(separator: decimalSeparator)
    }

    /// Items joined by the list separator; an empty list reads `common.empty_list` ("none").
    public func list(_ items: [String]) -> String {
        items.isEmpty ? text("common.empty_list") : items.joined(separator: listSeparator)
    }

    /// The pattern with each `{name}` replaced by its argument; a name without
    /// an argument stays as written. Scans bytes: braces are ASCII.
    private func fill(_ pattern: String, _ args: [String: MessageValue]) -> String {
        let bytes = pattern.utf8
        var out = ""
        out.reserveCapacity(bytes.count + 16)
        var start = bytes.startIndex
        while let open = bytes[start...].firstIndex(of: UInt8(ascii: "{")),
            let close = bytes[open...].firstIndex(of: UInt8(ascii: "}"))
        {
            out += pattern[start..<open]
            if let value = args[String(pattern[bytes.index(after: open)..<close])] {
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

    /// The placeholder names a template uses, in every plural form.
    public static func placeholders(in template: Template) -> Set<String> {
        var names = Set<String>()
        for form in template.forms {
            var rest = Substring(form)
            while let open = rest.firstIndex(of: "{"),
                let close = rest[open...].firstIndex(of: "}")
            {
                names.insert(String(rest[rest.index(after: open)..<close]))
                rest = rest[rest.index(after: close)...]
            }
        }
        return names
    }
}
