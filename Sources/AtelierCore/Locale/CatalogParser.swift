import Yams

/// Reads a locale file from its text. The file has `language`, `name`,
/// optional `decimal_separator`, `list_separator` and `elisions` (the words
/// that drop their last vowel before a name starting with one, one string:
/// `"de que"`), and `messages`: a
/// flat mapping from dotted keys to a template or plural forms. A template's
/// plural choices (`{count|one:…|other:…}`, see `Catalog`) are checked too:
/// known forms only, and an `other` form in each.
public enum CatalogParser {
    public struct Result: Sendable {
        public let catalog: Catalog?
        public let problems: [FileProblem]
    }

    public static func parse(_ text: String) -> Result {
        var reader = YAMLReader()
        // Every value of a locale file is text: no scalar needs its type resolved.
        guard let root = reader.compose(text, resolver: .basic),
            let top = reader.mapping(root, context: "locale")
        else { return Result(catalog: nil, problems: reader.problems) }
        reader.rejectUnknownKeys(
            top, allowed: ["language", "name", "decimal_separator", "list_separator", "elisions", "messages"],
            context: "locale")
        let language = reader.string(top.value("language"), context: "language")
        let name = reader.string(top.value("name"), context: "name")
        if top.value("language") == nil { reader.report(root, "file.missing_key", ["key": .text("language")]) }
        if top.value("messages") == nil { reader.report(root, "file.missing_key", ["key": .text("messages")]) }
        var messages: [String: Catalog.Template] = [:]
        var positions: [String: SourcePosition] = [:]
        for pair in reader.mapping(top.value("messages"), context: "messages") ?? [] {
            positions[pair.key] = YAMLReader.position(of: pair.keyNode)
            if let text = pair.value.scalar?.string {
                messages[pair.key] = .plain(text)
            } else if let forms = reader.mapping(pair.value, context: pair.key) {
                var plural: [PluralCategory: String] = [:]
                for form in forms {
                    guard let category = PluralCategory(rawValue: form.key) else {
                        reader.report(
                            form.keyNode, "locale.unknown_plural",
                            [
                                "form": .text(form.key),
                                "accepted": .list(PluralCategory.allCases.map(\.rawValue)),
                            ])
                        continue
                    }
                    plural[category] = reader.string(form.value, context: pair.key)
                }
                if plural[.other] == nil {
                    reader.report(pair.value, "locale.missing_plural_other", ["key": .text(pair.key)])
                }
                messages[pair.key] = .plural(plural)
            }
            if let template = messages[pair.key] {
                let (unknown, missingOther) = Catalog.choiceProblems(in: template)
                for form in unknown {
                    reader.report(
                        pair.value, "locale.unknown_plural",
                        ["form": .text(form), "accepted": .list(PluralCategory.allCases.map(\.rawValue))])
                }
                if missingOther {
                    reader.report(pair.value, "locale.missing_plural_other", ["key": .text(pair.key)])
                }
            }
        }
        guard let language, reader.problems.isEmpty else {
            return Result(catalog: nil, problems: reader.problems)
        }
        let catalog = Catalog(
            language: language, name: name ?? language,
            decimalSeparator: top.value("decimal_separator")?.string ?? ".",
            listSeparator: top.value("list_separator")?.string ?? ", ",
            elisions: (top.value("elisions")?.string ?? "").split(separator: " ").map(String.init),
            messages: messages, positions: positions)
        return Result(catalog: catalog, problems: [])
    }

    /// Problems of a catalog measured against a reference catalog (another
    /// language): keys missing on either side and placeholders the reference
    /// does not know for that message.
    public static func compare(_ catalog: Catalog, against reference: Catalog) -> [FileProblem] {
        var problems: [FileProblem] = []
        let end = catalog.positions.values.max() ?? .start
        for key in reference.messages.keys.sorted() where catalog.messages[key] == nil {
            problems.append(
                FileProblem(
                    end,
                    LocalizedMessage(
                        "locale.missing_key",
                        ["key": .text(key), "reference": .text(reference.language)])))
        }
        for key in catalog.messages.keys.sorted() {
            let position = catalog.positions[key] ?? .start
            guard let template = catalog.messages[key] else { continue }
            guard let other = reference.messages[key] else {
                problems.append(
                    FileProblem(
                        position,
                        LocalizedMessage(
                            "locale.extra_key", ["key": .text(key), "reference": .text(reference.language)])))
                continue
            }
            let known = Catalog.placeholders(in: other)
            for name in Catalog.placeholders(in: template).subtracting(known).sorted() {
                problems.append(
                    FileProblem(
                        position,
                        LocalizedMessage(
                            "locale.unknown_placeholder",
                            [
                                "placeholder": .text("{" + name + "}"), "key": .text(key),
                                "accepted": .list(known.sorted()),
                            ])))
            }
        }
        return problems.sorted { $0.position < $1.position }
    }
}
