/// The frame of every HTML report (the summary, the comparison): one
/// self-contained page, well-formed XML, in the reader's language, its style
/// sheet inline; and its sections, each an `id` and a heading.
enum HTMLPage {
    static func render(language: String, title: String, css: String, body: [Markup]) -> String {
        let page = Markup.el(
            "html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", language), ("xml:lang", language)],
            [
                .el(
                    "head", [],
                    [
                        .el("meta", [("charset", "utf-8")]),
                        .el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                        .el("title", text: title),
                        .el("style", [], [.raw(css)]),
                    ]),
                .el("body", [], body),
            ])
        var out = "<!DOCTYPE html>\n"
        page.render(into: &out)
        return out + "\n"
    }

    /// A `section` with its `h2` (`level` 3: an `h3`).
    static func section(_ id: String, _ heading: String, level: Int = 2, _ children: [Markup]) -> Markup {
        .el("section", [("id", id)], [.el("h\(level)", text: heading)] + children)
    }
}
