/// The comparison page's styles, added to the summary's (`HTMLStyle`): the
/// colours of the trend chart's series, eight that stay apart in print and
/// for the common colour blindnesses (Okabe–Ito).
enum CompareStyle {
    static let colours = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#56b4e9", "#e69f00", "#000000", "#8a6d00"]

    static var css: String {
        var out = "\n.series { stroke-width: 2.5; }\n"
        for (index, colour) in colours.enumerated() {
            out += ".series.s\(index) { stroke: \(colour); } .series-dot.s\(index) { fill: \(colour); } "
            out += "svg text.series-label.s\(index) { fill: \(colour); }\n"
        }
        return out
    }
}
