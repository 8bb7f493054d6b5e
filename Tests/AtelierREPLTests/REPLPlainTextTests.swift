import AtelierCore
import AtelierLive
import Testing

@testable import AtelierREPL

/// Lines that are not plain text: refused, and quoted back escaped, so the
/// facilitator's terminal never acts on what was typed or piped.
@Suite struct REPLPlainTextTests {
    /// Was: the error message echoed the ESC of a refused script line.
    @Test func aRefusedLineIsQuotedEscaped() async throws {
        let (lines, summary) = try await REPLHarness.script([
            "foo\u{1B}[31mbar",
            "note \"a\u{1B}]0;x\u{07}b\"",
            "note \"\u{200F}hidden\u{200B}\"",
            "note \"one\u{2028}two\"",
            "dept add hr \"\u{202E}HR\"",
            "dept add marketing",
            "join \u{2800} marketing",
            "join \u{3164} marketing",
        ])
        let plain =
            "the text holds control or invisible characters (such as ESC, a line break, a direction mark or a zero-width space); write plain text"
        #expect(summary == REPLSummary(lines: 8, refused: 7))
        #expect(
            lines == [
                #"! line 1: unknown command "foo\x1b[31mbar"; type help for the list of commands"#,
                "! line 2: " + plain,
                "! line 3: " + plain,
                "! line 4: " + plain,
                "! line 5: " + plain,
                "department marketing added",
                #"! line 7: "\u{2800}" is not a valid name: at most 40 characters, words separated by single spaces, no quotes or invisible characters"#,
                #"! line 8: "\u{3164}" is not a valid name: at most 40 characters, words separated by single spaces, no quotes or invisible characters"#,
            ])
        #expect(lines.allSatisfy { !$0.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x2800 } })
    }
}
