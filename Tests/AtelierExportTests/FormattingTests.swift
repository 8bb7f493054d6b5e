import AtelierCore
import Testing

@testable import AtelierExport

@Suite struct FormattingTests {
    @Test func jsonNumbersAreTheShortestTextThatReadsBackTheSame() {
        #expect(JSONValue.format(2) == "2")
        #expect(JSONValue.format(2.5) == "2.5")
        #expect(JSONValue.format(2.0 / 3) == "0.6666666666666666")
        #expect(JSONValue.format(-0.25) == "-0.25")
        #expect(JSONValue.format(-0.00001) == "-1e-05")
        #expect(JSONValue.format(0.0001) == "0.0001")
        #expect(JSONValue.format(1234.56789) == "1234.56789")
        #expect(JSONValue.format(0.1 + 0.2) == "0.30000000000000004")
        #expect(JSONValue.format(-0.0) == "0")
        #expect(JSONValue.format(1e21) == "1e+21")
        #expect(JSONValue.format(.nan) == "null")
        #expect(JSONValue.format(.infinity) == "null")
        // Each reads back as the same double.
        for value in [
            2.0 / 3, 0.1 + 0.2, 1e-05, 1234.56789, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude,
        ] {
            #expect(Double(JSONValue.format(value)) == value)
        }
        // The charts' coordinates keep their fixed form.
        #expect(JSONValue.fixed(2.0 / 3, digits: 4) == "0.6667")
        #expect(JSONValue.fixed(-0.00001, digits: 4) == "0")
    }

    @Test func jsonKeepsKeyOrderAndEscapesText() {
        let value = JSONValue.object([
            ("b", .int(1)), ("a", .array([.int(0), .null, .bool(true)])),
            ("t", .string("quote \" back \\ line\n tab\t bell\u{7} é")), ("e", .object([])), ("l", .array([])),
        ])
        #expect(
            value.render() == """
                {
                  "b": 1,
                  "a": [0, null, true],
                  "t": "quote \\" back \\\\ line\\n tab\\t bell\\u0007 é",
                  "e": {},
                  "l": []
                }

                """)
    }

    @Test func utcTimesComeFromTheCalendarNotTheMachine() {
        #expect(UTCTime.iso8601(0) == "1970-01-01T00:00:00Z")
        #expect(UTCTime.iso8601(1_741_856_400_000) == "2025-03-13T09:00:00Z")
        #expect(UTCTime.iso8601(951_782_400_999) == "2000-02-29T00:00:00Z")
        #expect(UTCTime.iso8601(-1) == "1969-12-31T23:59:59Z")
        #expect(UTCTime.clock(1_741_856_400_000 + 3_723_000) == "10:02:03")
        #expect(UTCTime.elapsed(milliseconds: 5_523_999) == "1:32:03")
    }

    @Test func csvFieldsAreQuotedOnlyWhenRFC4180AsksIt() {
        #expect(CSVTable.field("plain text") == "plain text")
        #expect(CSVTable.field("a,b") == "\"a,b\"")
        #expect(CSVTable.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVTable.field("crlf\r\nend") == "\"crlf\r\nend\"")
        var table = CSVTable(["k", "v"])
        table.append([.text("é"), .text("x,y")])
        #expect(table.render() == "k,v\r\né,\"x,y\"\r\n")
    }

    @Test func markupEscapesTextAndDropsCharactersXMLForbids() {
        #expect(Markup.escape("R&D <team> \"q\" 'a'\u{1}\u{7F}") == "R&amp;D &lt;team&gt; &quot;q&quot; &#39;a&#39;")
        var out = ""
        Markup.el("p", [("class", "x\"y")], [.text("a<b"), .el("br"), .el("td")]).render(into: &out)
        #expect(out == "<p class=\"x&quot;y\">a&lt;b<br /><td></td></p>")
        out = ""
        Markup.el("svg", [], [.el("rect")]).render(into: &out)
        #expect(out == "<svg>\n<rect />\n</svg>")
    }

    @Test func markdownEscapesTheRoomsText() {
        #expect(MarkdownExport.escape("a|b *c* _d_ [e] <f> `g`\nh") == "a\\|b \\*c\\* \\_d\\_ \\[e\\] \\<f> \\`g\\` h")
    }

    @Test func svgLabelsWrapAtWordsWithinTheLineBudget() {
        #expect(
            SVG.wrap("Wanting to keep control of the message", width: 17, maxLines: 3)
                == ["Wanting to keep", "control of the", "message"])
        #expect(SVG.wrap("one two three four five six", width: 7, maxLines: 2) == ["one two", "three…"])
        #expect(SVG.sequential(0) == "#eff3ff")
        #expect(SVG.sequential(1) == "#08306b")
    }
}
