import AtelierCore

/// The words every summary and comparison format takes from the reader's
/// catalog: the workshop's texts in its language, messages, numbers, and a
/// maturity placement as JSON. `ExportContext` and `CompareContext` share them.
protocol ReportWording {
    var catalog: Catalog { get }
}

extension ReportWording {
    var language: String { catalog.language }

    /// A text of the workshop in the report's language.
    func text(_ text: LocalizedText) -> String { text.text(language) }

    func render(_ message: LocalizedMessage) -> String { catalog.render(message) }

    /// An `export.` message of the catalog.
    func exportLabel(_ key: String, _ args: [String: MessageValue] = [:]) -> String {
        catalog.text("export." + key, args)
    }

    /// ": " in English, " : " in French, between a label and its text.
    var colon: String { exportLabel("colon") }

    /// A number with as few decimals as it needs, at most `digits` (medians
    /// are whole or halves, quartiles quarters); "–" when undefined.
    func number(_ value: Double?, digits: Int = 2) -> String {
        guard let value else { return exportLabel("undefined") }
        var text = catalog.format(value, digits: digits)
        if digits > 0 {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(catalog.decimalSeparator) { text.removeLast(catalog.decimalSeparator.count) }
        }
        return text == "-0" ? "0" : text
    }

    /// A maturity placement in the JSON documents (docs/summary.schema.json,
    /// docs/compare.schema.json): level, rank, label and reason; null when none.
    func json(_ maturity: MaturityResult?) -> JSONValue {
        guard let maturity else { return .null }
        return .object([
            ("level", .string(maturity.level)),
            ("rank", .int(maturity.rank)),
            ("label", .string(text(maturity.label))),
            ("reason", .string(render(maturity.reason))),
        ])
    }
}
