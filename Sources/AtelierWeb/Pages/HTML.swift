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

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                let value = scalar.value
                let allowed = value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value != 0x7F)
                if allowed { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// `attribute` when `condition` holds (a bare attribute such as `disabled`), else left out.
    static func flag(_ condition: Bool) -> String? { condition ? "" : nil }
}
