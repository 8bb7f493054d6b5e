/// The HTML export's style sheet: system fonts only, colours that survive
/// printing, pages of the printer's size (A4 or Letter) with charts kept whole. It holds no `<`, `>` or `&`,
/// so it is the same text in HTML and in XML.
enum HTMLStyle {
    static let css = """
        :root { --ink: #1d2433; --muted: #5b6477; --line: #d6dbe6; --accent: #08306b; --warn: #b8561b; }
        * { box-sizing: border-box; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px 32px; line-height: 1.45; }
        h1 { font-size: 1.7em; margin: 0 0 4px; color: var(--accent); }
        h2 { font-size: 1.25em; margin: 28px 0 10px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
        h3 { font-size: 1em; margin: 6px 0; }
        .session { color: var(--muted); margin: 0; }
        table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
        th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
        th { background: #f3f5f9; }
        td.num, th.num { text-align: right; }
        tr.total td { font-weight: bold; }
        figure { margin: 8px 0; }
        figcaption, .caption { color: var(--muted); font-size: 0.9em; }
        svg.chart { max-width: 100%; height: auto; display: block; }
        svg text { font-family: inherit; font-size: 12px; fill: var(--ink); }
        svg text.small { font-size: 11px; fill: var(--muted); }
        svg text.axis { font-size: 11px; }
        svg text.strong { font-weight: bold; }
        svg text.value { font-size: 13px; font-weight: 600; }
        svg text.light, svg text.count.light { fill: #ffffff; }
        svg text.count { font-size: 13px; font-weight: 600; }
        .track { fill: #eef1f6; }
        .whisker { stroke: var(--ink); stroke-width: 2; }
        .tick { stroke: var(--warn); stroke-width: 3; }
        .gridline { stroke: var(--line); stroke-dasharray: 3 3; }
        .bar.reached { fill: #2f855a; }
        .bar.open { fill: #dd8a3e; }
        .dot { fill: var(--ink); fill-opacity: 0.75; stroke: #ffffff; stroke-width: 1; }
        svg text.dot-label { font-size: 9px; font-weight: 600; fill: #ffffff; }
        svg text.dot-key { font-size: 9px; fill: var(--ink); }
        .group { fill: #e8ecf4; stroke: #9aa4b8; stroke-dasharray: 6 4; }
        .node { stroke-width: 2; }
        .node.strategy { fill: var(--accent); stroke: var(--accent); }
        .node.none { fill: #ffffff; stroke: #8a93a6; }
        .node.flagged { stroke: #c53030; stroke-width: 4; }
        .link { fill: none; stroke-width: 2; }
        .link.knows { stroke: var(--ink); }
        .link.shares { stroke: var(--warn); stroke-dasharray: 6 4; }
        .head.knows { fill: var(--ink); }
        .head.shares { fill: var(--warn); }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 12px 24px; }
        .sentence { margin: 4px 0; }
        li.finding { margin-bottom: 8px; }
        .summary { background: #f3f5f9; border-left: 4px solid var(--accent); padding: 4px 16px 10px; }
        .prompt { color: var(--muted); font-style: italic; margin: 2px 0 8px; }
        @page { margin: 14mm 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          figure, svg, .profile, tr, li, .sentence { break-inside: avoid; }
          h2, h3, h4, .prompt { break-after: avoid; }
          section#summary { break-after: page; }
          svg.chart { max-height: 240mm; width: auto; max-width: 100%; }
          .grid { grid-template-columns: 1fr 1fr; }
        }
        """
}
