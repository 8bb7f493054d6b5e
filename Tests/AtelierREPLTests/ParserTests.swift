import AtelierCore
import Testing

@testable import AtelierREPL

@Suite struct ParserTests {
    let table = CommandTable.builtin
    let en = TestFiles.catalog("en")

    func parse(_ line: String) throws -> ParsedCommand? { try table.parse(line) }

    /// The English error line for a refused line.
    func error(_ line: String) -> String {
        do {
            _ = try table.parse(line)
            return "accepted"
        } catch {
            return error.render(en)
        }
    }

    @Test func commandsBecomeActions() throws {
        #expect(try parse("dept add marketing") == .submit(.addDepartment(id: "marketing", name: "")))
        #expect(
            try parse(#"dept add rh "Ressources humaines""#)
                == .submit(.addDepartment(id: "rh", name: "Ressources humaines")))
        #expect(
            try parse("dept add it Information technology")
                == .submit(.addDepartment(id: "it", name: "Information technology")))
        #expect(try parse("join Alice marketing") == .submit(.join(name: "Alice", department: "marketing")))
        #expect(try parse("leave Alice") == .submit(.leave(name: "Alice")))
        #expect(try parse("next") == .submit(.next))
        #expect(try parse("prev") == .submit(.previous))
        #expect(try parse("goto brakes") == .submit(.goTo(stage: "brakes")))
        #expect(try parse("lock") == .submit(.lock))
        #expect(try parse("unlock") == .submit(.unlock))
        #expect(try parse("reveal") == .submit(.reveal))
        #expect(try parse("timer 5") == .submit(.timer(minutes: 5)))
        #expect(try parse("rate marketing 3") == .submit(.rate(who: "marketing", item: nil, value: 3)))
        #expect(try parse("rate Alice control 2") == .submit(.rate(who: "Alice", item: "control", value: 2)))
        #expect(try parse("rate Alice control -1") == .submit(.rate(who: "Alice", item: "control", value: -1)))
        #expect(try parse("pick legal delegate") == .submit(.pick(who: "legal", option: "delegate")))
        #expect(
            try parse(#"strategy marketing add "answer every review within a day""#)
                == .submit(.declareStrategy(department: "marketing", text: "answer every review within a day")))
        #expect(
            try parse("strategy marketing add answer every review")
                == .submit(.declareStrategy(department: "marketing", text: "answer every review")))
        #expect(try parse("knows legal marketing") == .submit(.knows(department: "legal", other: "marketing")))
        #expect(try parse("shares marketing legal") == .submit(.shares(department: "marketing", other: "legal")))
        #expect(try parse(#"note "we listen, at last""#) == .submit(.note(text: "we listen, at last")))
        #expect(try parse("undo") == .submit(.undo))
        #expect(try parse("end") == .submit(.end))
    }

    @Test func localCommands() throws {
        #expect(try parse("help") == .local(.help(command: nil)))
        #expect(try parse("help rate") == .local(.help(command: "rate")))
        #expect(try parse("stage") == .local(.stage))
        #expect(try parse("status") == .local(.status))
        #expect(try parse("dept list") == .local(.departments))
        #expect(try parse("dept") == .local(.departments))
        #expect(try parse("departments") == .local(.departments))
        #expect(try parse("participants") == .local(.participants))
        #expect(try parse("strategy hr list") == .local(.strategies(department: "hr")))
        #expect(try parse("strategies") == .local(.strategies(department: nil)))
        #expect(try parse("results") == .local(.results(stage: nil)))
        #expect(try parse("results ignore") == .local(.results(stage: "ignore")))
        #expect(try parse("consensus") == .local(.consensus))
        #expect(try parse("silos") == .local(.silos))
        #expect(try parse("maturity") == .local(.maturity))
        #expect(try parse("export markdown") == .local(.export(format: "markdown", path: nil)))
        #expect(
            try parse("export json 'out/my session.json'")
                == .local(.export(format: "json", path: "out/my session.json")))
        #expect(try parse("export md force") == .local(.export(format: "md", path: nil, force: true)))
        #expect(try parse("export md out.md force") == .local(.export(format: "md", path: "out.md", force: true)))
        #expect(try parse("export md ./force") == .local(.export(format: "md", path: "./force", force: false)))
        #expect(try parse("quit") == .local(.quit))
    }

    @Test func frenchAliases() throws {
        #expect(try parse("suivant") == .submit(.next))
        #expect(try parse("précédent") == .submit(.previous))
        #expect(try parse("noter marketing 2") == .submit(.rate(who: "marketing", item: nil, value: 2)))
        #expect(try parse("choisir rh drift") == .submit(.pick(who: "rh", option: "drift")))
        #expect(try parse("résultats") == .local(.results(stage: nil)))
        #expect(try parse("aide") == .local(.help(command: nil)))
        #expect(try parse("quitter") == .local(.quit))
    }

    @Test func blankLinesAndComments() throws {
        #expect(try parse("") == nil)
        #expect(try parse("   # just a comment") == nil)
        #expect(try parse("next # and a comment") == .submit(.next))
    }

    @Test func unknownCommandsSuggestTheClosest() {
        #expect(error("rtae marketing 3") == #"unknown command "rtae"; did you mean "rate"? Type help for the list"#)
        #expect(error("nxet") == #"unknown command "nxet"; did you mean "next"? Type help for the list"#)
        #expect(error("res") == #"unknown command "res"; did you mean "results"? Type help for the list"#)
        #expect(error("Next") == #"unknown command "Next"; did you mean "next"? Type help for the list"#)
        #expect(error("suivnat") == #"unknown command "suivnat"; did you mean "next"? Type help for the list"#)
        #expect(error("frobnicate") == #"unknown command "frobnicate"; type help for the list of commands"#)
    }

    @Test func wrongArityShowsTheUsage() {
        #expect(error("rate marketing") == "wrong number of arguments for rate; usage: rate WHO [ITEM] VALUE")
        #expect(error("rate a b c d") == "wrong number of arguments for rate; usage: rate WHO [ITEM] VALUE")
        #expect(error("join Alice") == "wrong number of arguments for join; usage: join NAME DEPT")
        #expect(error("next now") == "wrong number of arguments for next; usage: next")
        #expect(error("dept add") == "wrong number of arguments for dept; usage: dept add ID [DISPLAY NAME...]")
        #expect(error("note") == #"wrong number of arguments for note; usage: note "TEXT""#)
        #expect(
            error("strategy marketing")
                == #"wrong number of arguments for strategy; usage: strategy DEPT add "TEXT" | strategy DEPT list"#)
        #expect(
            error("strategy marketing list now") == "wrong number of arguments for strategy; usage: strategy DEPT list")
        #expect(
            error("export")
                == "wrong number of arguments for export; usage: export FORMAT [PATH] | export FORMAT [PATH] force")
        #expect(error("knows legal") == "wrong number of arguments for knows; usage: knows DEPT OTHER")
    }

    @Test func wrongWordsNameWhatIsAccepted() {
        #expect(
            error("dept remove hr")
                == #""remove" is not accepted after dept; accepted: add, list; usage: dept add ID [DISPLAY NAME...] | dept list | dept"#
        )
        #expect(
            error("strategy marketing show")
                == #""show" is not accepted after strategy; accepted: add, list; usage: strategy DEPT add "TEXT" | strategy DEPT list"#
        )
    }

    @Test func badNumbers() {
        #expect(
            error("rate marketing three") == #""three" is not a whole number (VALUE); usage: rate WHO [ITEM] VALUE"#)
        #expect(
            error("rate marketing control 2.5") == #""2.5" is not a whole number (VALUE); usage: rate WHO [ITEM] VALUE"#
        )
        #expect(error("timer soon") == #""soon" is not a whole number (MINUTES); usage: timer MINUTES"#)
    }

    @Test func quotingErrors() {
        #expect(
            error(#"note "unfinished"#) == #"the quote " is not closed; close it, or write \" for the character itself"#
        )
    }

    @Test func frenchMessages() {
        let fr = TestFiles.catalog("fr")
        func frError(_ line: String) -> String {
            do {
                _ = try table.parse(line)
                return "accepted"
            } catch { return error.render(fr) }
        }
        #expect(frError("rate marketing") == "nombre d'arguments incorrect pour rate ; usage : rate QUI [ITEM] VALEUR")
        #expect(
            frError("rtae") == "commande inconnue « rtae » ; vouliez-vous dire « rate » ? Tapez help pour la liste")
    }

    @Test func extensionCommandsJoinTheTable() throws {
        let extra = [
            CommandSpec(
                word: "code", groupKey: "net.group", helpKey: "net.help.code",
                forms: [CommandForm([]), CommandForm([.word("new")])]),
            CommandSpec(
                word: "quiet", groupKey: "net.group", helpKey: "net.help.quiet",
                forms: [CommandForm([.slot(Slot("state", .choice(["on", "off"])))])]),
            CommandSpec(word: "next", groupKey: "x", helpKey: "x", forms: [CommandForm([])]),
        ]
        let table = CommandTable.builtin(adding: extra)
        #expect(try table.parse("code") == .custom(CustomCommand(word: "code", arguments: Arguments())))
        #expect(
            try table.parse("code new") == .custom(CustomCommand(word: "code", arguments: Arguments(words: ["new"]))))
        #expect(
            try table.parse("quiet on")
                == .custom(CustomCommand(word: "quiet", arguments: Arguments(values: ["state": "on"]))))
        #expect(try table.parse("next") == .submit(.next))
        do {
            _ = try table.parse("quiet maybe")
            Issue.record("accepted")
        } catch {
            #expect(error.render(en) == #""maybe" is not accepted; accepted: on, off; usage: quiet on|off"#)
        }
    }
}
