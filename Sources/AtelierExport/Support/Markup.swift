/// A small XML tree for the HTML export, written so the page is both HTML5
/// and well-formed XML (XHTML-compatible): every element closed, attributes
/// quoted, text escaped, characters XML forbids left out.
indirect enum Markup {
    case element(String, [(String, String)], [Markup])
    case text(String)
    /// Trusted text of our own (the style sheet): written as is.
    case raw(String)

    static func el(_ name: String, _ attributes: [(String, String)] = [], _ children: [Markup] = []) -> Markup {
        .element(name, attributes, children)
    }

    static func el(_ name: String, _ attributes: [(String, String)] = [], text: String) -> Markup {
        .element(name, attributes, [.text(text)])
    }

    /// Elements HTML knows as void; written `<br />`.
    private static let void: Set<String> = ["meta", "br", "hr", "img", "link", "col"]

    func render(into out: inout String) {
        switch self {
        case .text(let text):
            out += Self.escape(text)
        case .raw(let text):
            out += text
        case .element(let name, let attributes, let children):
            out += "<" + name
            for (key, value) in attributes { out += " " + key + "=\"" + Self.escape(value) + "\"" }
            if children.isEmpty && (Self.void.contains(name) || !Self.isHTMLElement(name)) {
                out += " />"
                return
            }
            out += ">"
            let block = Self.blocks.contains(name)
            if block { out += "\n" }
            for child in children {
                child.render(into: &out)
                if block, case .element = child { out += "\n" }
            }
            out += "</" + name + ">"
        }
    }

    /// HTML elements need an explicit end tag even when empty (`<td></td>`);
    /// SVG elements may be self-closed.
    private static func isHTMLElement(_ name: String) -> Bool { !svg.contains(name) }

    private static let svg: Set<String> = [
        "svg", "g", "rect", "circle", "line", "path", "text", "tspan", "defs", "marker", "title", "polygon",
    ]

    /// Containers written with a line break after each child, for a readable source.
    private static let blocks: Set<String> = [
        "html", "head", "body", "header", "section", "table", "thead", "tbody", "tr", "ul", "ol", "figure", "svg",
        "g", "defs", "div",
    ]

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
                let allowed =
                    value == 0x9 || value == 0xA || value == 0xD
                    || (value >= 0x20 && value != 0x7F)
                        && !(0xFFFE...0xFFFF).contains(value)
                if allowed { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}

extension String {
    /// This text made safe inside HTML (element content or a quoted attribute):
    /// the five markup characters escaped, the characters HTML does not allow left out.
    public var htmlEscaped: String { Markup.escape(self) }
}
