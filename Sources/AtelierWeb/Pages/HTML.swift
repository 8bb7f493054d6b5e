import AtelierExport

/// A few helpers to write the pages' HTML. Every text that is not the
/// page's own markup goes through `text` or an attribute value, both
/// escaped: names, strategies and notes included.
enum HTML {
    /// An element; `inner` is HTML already (built with these helpers).
    /// An attribute whose value is nil is left out; "" writes a bare attribute.
    static func el(_ name: String, _ attributes: [(String, String?)] = [], _ inner: String = "") -> String {
        var out = "<" + name
        for (key, value) in attributes {
            guard let value else { continue }
            out += value.isEmpty ? " " + key : " " + key + "=\"" + escape(value) + "\""
        }
        return out + ">" + inner + "</" + name + ">"
    }

    /// A void element (`input`, `br`, `meta`, `link`).
    static func void(_ name: String, _ attributes: [(String, String?)] = []) -> String {
        var out = "<" + name
        for (key, value) in attributes {
            guard let value else { continue }
            out += value.isEmpty ? " " + key : " " + key + "=\"" + escape(value) + "\""
        }
        return out + ">"
    }

    /// An empty SVG element, self-closed (`<rect … />`): inside `<svg>` an
    /// unclosed one would hold what follows.
    static func leaf(_ name: String, _ attributes: [(String, String?)] = []) -> String {
        String(void(name, attributes).dropLast()) + " />"
    }

    /// Text, escaped.
    static func text(_ text: String) -> String { escape(text) }

    /// The export's escaping (AtelierExport's `Markup`), so a page and a report escape alike.
    static func escape(_ text: String) -> String { text.htmlEscaped }

    /// `attribute` when `condition` holds (a bare attribute such as `disabled`), else left out.
    static func flag(_ condition: Bool) -> String? { condition ? "" : nil }
}
