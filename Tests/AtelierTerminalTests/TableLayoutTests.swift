import Testing

@testable import AtelierTerminal

/// The one table layout: ids whole, labels cut first, headers apart, the width kept.
@Suite struct TableLayoutTests {
    let rows = [
        ["Information technology", "understanding", "12", "agreement"],
        ["Legal", "ignore", "3", "strong agreement between every participant"],
    ]

    func layout(width: Int) -> TableLayout {
        TableLayout(
            [
                TableLayout.Column("", .label(minimum: 8)), TableLayout.Column("item"),
                TableLayout.Column("n", rightAligned: true), TableLayout.Column("reading", .text(minimum: 8)),
            ], cells: rows, width: width)
    }

    @Test func aWideLineKeepsEveryCellWhole() {
        let table = layout(width: 120)
        #expect(table.widths == [22, 13, 2, 42])
        #expect(
            [table.header] + rows.map { table.row($0) } == [
                "                          item            n  reading",
                "  Information technology  understanding  12  agreement",
                "  Legal                   ignore          3  strong agreement between every participant",
            ])
    }

    @Test func aNarrowLineCutsTheLabelThenTheTextNeverTheId() {
        let table = layout(width: 40)
        #expect(table.widths == [8, 13, 2, 9])
        #expect(table.lineWidth == 40)
        #expect(
            [table.header] + rows.map { table.row($0) } == [
                "            item            n  reading",
                "  Informa…  understanding  12  agreement",
                "  Legal     ignore          3  strong a…",
            ])
    }

    @Test func headersLongerThanTheirNumbersStayApart() {
        let table = TableLayout(
            [
                TableLayout.Column("", .label(minimum: 8)), TableLayout.Column("n", rightAligned: true),
                TableLayout.Column("part", rightAligned: true), TableLayout.Column("dispersion", rightAligned: true),
            ], cells: [["Entreprise", "12", "0,42", "0,89"]], width: 80)
        #expect(table.header == "               n  part  dispersion")
        #expect(table.row(["Entreprise", "12", "0,42", "0,89"]) == "  Entreprise  12  0,42        0,89")
    }

    @Test func fillColumnsShareTheSpareRoomEvenly() {
        let columns = [
            TableLayout.Column("", .label(minimum: 4)), TableLayout.Column("a", .fill(minimum: 5, maximum: 20)),
            TableLayout.Column("status_quo", .fill(minimum: 10, maximum: 20)),
        ]
        #expect(TableLayout(columns, cells: [["x"]], width: 30).widths == [1, 11, 11])
        #expect(TableLayout(columns, cells: [["x"]], width: 200).widths == [1, 20, 20])
        // Too narrow: the label gives way, the fills keep their minimum.
        #expect(TableLayout(columns, cells: [["department"]], width: 25).widths == [4, 5, 10])
    }

    @Test func colouredCellsAreMeasuredWithoutTheirCodes() {
        #expect(AnalysisLayout.visibleCount("\u{1B}[32m✓\u{1B}[0m") == 1)
        #expect(AnalysisLayout.right("\u{1B}[32m✓\u{1B}[0m", 3) == "  \u{1B}[32m✓\u{1B}[0m")
        #expect(
            AnalysisLayout.wrap("\u{1B}[2m[0:00]\u{1B}[0m one two", width: 13) == [
                "\u{1B}[2m[0:00]\u{1B}[0m one", "two",
            ])
    }

    /// Columns that cannot fit even cut are left out, the least needed first.
    @Test func optionalColumnsGiveWayWhenIdsCannot() {
        let columns = [
            TableLayout.Column("id"), TableLayout.Column("when"), TableLayout.Column("n", rightAligned: true),
            TableLayout.Column("note", .text(minimum: 4)),
        ]
        let cells = [["coping-patterns-2026-12-06-abcd", "2026-12-06 10:00", "512", "ended"]]
        let wide = TableLayout.fitting(columns, cells: cells, width: 80, leavingOut: [1, 2], indent: 0)
        #expect(wide.kept == [0, 1, 2, 3])
        #expect(wide.row(cells[0]) == "coping-patterns-2026-12-06-abcd  2026-12-06 10:00  512  ended")
        let narrow = TableLayout.fitting(columns, cells: cells, width: 45, leavingOut: [1, 2], indent: 0)
        #expect(narrow.kept == [0, 2, 3])
        #expect(narrow.header == "id                                 n  note")
        #expect(narrow.row(cells[0]) == "coping-patterns-2026-12-06-abcd  512  ended")
        // Nothing left to leave out: the id stays whole, the line longer than the width.
        let tiny = TableLayout.fitting(columns, cells: cells, width: 20, leavingOut: [1, 2], indent: 0)
        #expect(tiny.kept == [0, 3])
        #expect(tiny.row(cells[0]) == "coping-patterns-2026-12-06-abcd  end…")
    }

    /// French punctuation set off by a space never starts or ends a line alone.
    @Test func frenchPunctuationStaysWithItsWord() {
        let text = "la médiane de « Fuir et fermer » est 1, au plus 1 ; il a déclaré 1 élément : oui"
        #expect(
            AnalysisLayout.wrap(text, width: 24) == [
                "la médiane de « Fuir et", "fermer » est 1, au plus", "1 ; il a déclaré 1", "élément : oui",
            ])
        #expect(AnalysisLayout.wrap("la médiane de « Fuir", width: 15) == ["la médiane de", "« Fuir"])
    }
}
