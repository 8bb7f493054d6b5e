import AtelierCore
import Testing

@testable import AtelierREPL

@Suite struct TokenizerTests {
    @Test func splitsOnSpacesAndTabs() throws {
        #expect(try Tokenizer.split("  rate\tmarketing   3 ") == ["rate", "marketing", "3"])
        #expect(try Tokenizer.split("") == [])
        #expect(try Tokenizer.split("   ") == [])
    }

    @Test func quotesGroupWords() throws {
        #expect(try Tokenizer.split(#"note "we listen, at last""#) == ["note", "we listen, at last"])
        #expect(try Tokenizer.split("note 'say \"hello\"'") == ["note", "say \"hello\""])
        #expect(
            try Tokenizer.split(#"dept add rh "Ressources humaines""#) == ["dept", "add", "rh", "Ressources humaines"])
        #expect(try Tokenizer.split(#"a"b c"d"#) == ["ab cd"])
        #expect(try Tokenizer.split(#"note """#) == ["note", ""])
    }

    @Test func backslashEscapesTheNextCharacter() throws {
        #expect(try Tokenizer.split(#"note l\'équipe"#) == ["note", "l'équipe"])
        #expect(try Tokenizer.split(#"note 'l\'équipe'"#) == ["note", "l'équipe"])
        #expect(try Tokenizer.split(#"note "a \"b\" c\\d""#) == ["note", #"a "b" c\d"#])
        #expect(try Tokenizer.split(#"join Anne\ Marie hr"#) == ["join", "Anne Marie", "hr"])
    }

    @Test func hashStartsACommentOnlyAtAWordStart() throws {
        #expect(try Tokenizer.split("# a whole comment") == [])
        #expect(try Tokenizer.split("rate marketing 3  # after the debate") == ["rate", "marketing", "3"])
        #expect(try Tokenizer.split("note issue#4 '#kept'") == ["note", "issue#4", "#kept"])
    }

    @Test func unfinishedLinesAreRefusedWithAReason() throws {
        let en = TestFiles.catalog("en")
        #expect(throws: Tokenizer.Failure.unclosedQuote("\"")) { try Tokenizer.split(#"note "open"#) }
        #expect(throws: Tokenizer.Failure.unclosedQuote("'")) { try Tokenizer.split("note 'open") }
        #expect(throws: Tokenizer.Failure.trailingBackslash) { try Tokenizer.split(#"note end\"#) }
        #expect(
            en.render(Tokenizer.Failure.unclosedQuote("\"").message)
                == #"the quote " is not closed; close it, or write \" for the character itself"#)
        #expect(
            en.render(Tokenizer.Failure.trailingBackslash.message)
                == "the line ends with a backslash; a backslash makes the next character literal")
    }

    @Test func partialLinesForCompletion() {
        #expect(Tokenizer.partial("rate mar") == .init(words: ["rate"], current: "mar", openQuote: nil))
        #expect(Tokenizer.partial("rate ") == .init(words: ["rate"], current: "", openQuote: nil))
        #expect(Tokenizer.partial(#"note "we li"#) == .init(words: ["note"], current: "we li", openQuote: "\""))
    }

    @Test func quoteRoundTrips() throws {
        for word in ["plain", "two words", #"say "hi""#, #"back\slash"#, "l'équipe", "", "#tag"] {
            #expect(try Tokenizer.split(Tokenizer.quote(word)) == [word])
        }
        #expect(Tokenizer.quote("marketing") == "marketing")
        #expect(Tokenizer.quote("two words") == #""two words""#)
    }
}
