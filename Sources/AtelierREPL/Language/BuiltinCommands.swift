import AtelierCore

/// The built-in command language. Command words are English in every
/// locale; French aliases are accepted too.
extension CommandTable {
    public static let builtin = CommandTable(builtinSpecs)

    /// The built-in table followed by extra entries (an extension's commands).
    public static func builtin(adding extra: [CommandSpec]) -> CommandTable {
        CommandTable(builtinSpecs + extra)
    }

    static let builtinSpecs: [CommandSpec] = room + flow + answers + results + session

    private static func spec(
        _ word: String, _ aliases: [String] = [], group: String, _ forms: [CommandForm]
    ) -> CommandSpec {
        CommandSpec(
            word: word, aliases: aliases, groupKey: "repl.group.\(group)", helpKey: "repl.help.\(word)", forms: forms)
    }

    private static func local(_ command: LocalCommand) -> [CommandForm] {
        [CommandForm([]) { _ in .local(command) }]
    }

    private static func submit(_ action: Action) -> [CommandForm] {
        [CommandForm([]) { _ in .submit(action) }]
    }

    private static let room: [CommandSpec] = [
        spec(
            "dept", ["département", "departement"], group: "room",
            [
                CommandForm([
                    .word("add"), .slot(Slot("id", .newDepartment)),
                    .slot(Slot("name", .displayName, optional: true, rest: true)),
                ]) {
                    .submit(.addDepartment(id: $0.text("id"), name: $0["name"] ?? ""))
                },
                CommandForm([.word("list")]) { _ in .local(.departments) },
                CommandForm([]) { _ in .local(.departments) },
            ]),
        spec("departments", ["depts", "départements", "departements"], group: "room", local(.departments)),
        spec(
            "join", ["rejoindre"], group: "room",
            [
                CommandForm([.slot(Slot("name", .newParticipant)), .slot(Slot("department", .department))]) {
                    .submit(.join(name: $0.text("name"), department: $0.text("department")))
                }
            ]),
        spec(
            "leave", ["partir"], group: "room",
            [CommandForm([.slot(Slot("name", .participant))]) { .submit(.leave(name: $0.text("name"))) }]),
        spec("participants", ["people"], group: "room", local(.participants)),
        spec("status", ["état", "etat", "statut"], group: "room", local(.status)),
    ]

    private static let flow: [CommandSpec] = [
        spec("stage", ["étape", "etape"], group: "flow", local(.stage)),
        spec("next", ["suivant", "suivante"], group: "flow", submit(.next)),
        spec("prev", ["previous", "précédent", "precedent", "précédente"], group: "flow", submit(.previous)),
        spec(
            "goto", ["aller"], group: "flow",
            [CommandForm([.slot(Slot("stage", .stage))]) { .submit(.goTo(stage: $0.text("stage"))) }]),
        spec("lock", ["verrouiller"], group: "flow", submit(.lock)),
        spec("unlock", ["déverrouiller", "deverrouiller"], group: "flow", submit(.unlock)),
        spec("reveal", ["révéler", "reveler"], group: "flow", submit(.reveal)),
        spec("round", ["tour"], group: "flow", submit(.round)),
        spec(
            "timer", ["minuteur"], group: "flow",
            [CommandForm([.slot(Slot("minutes", .minutes))]) { .submit(.timer(minutes: $0.number("minutes"))) }]),
    ]

    private static let answers: [CommandSpec] = [
        spec(
            "rate", ["noter"], group: "answers",
            [
                CommandForm([
                    .slot(Slot("who", .who)), .slot(Slot("item", .item, optional: true)), .slot(Slot("value", .value)),
                ]) { .submit(.rate(who: $0.text("who"), item: $0["item"], value: $0.number("value"))) }
            ]),
        spec(
            "pick", ["choisir"], group: "answers",
            [
                CommandForm([.slot(Slot("who", .who)), .slot(Slot("option", .option))]) {
                    .submit(.pick(who: $0.text("who"), option: $0.text("option")))
                }
            ]),
        spec(
            "strategy", ["stratégie", "strategie"], group: "answers",
            [
                CommandForm([
                    .slot(Slot("department", .department)), .word("add"), .slot(Slot("text", .text, rest: true)),
                ]) {
                    .submit(.declareStrategy(department: $0.text("department"), text: $0.text("text")))
                },
                CommandForm([.slot(Slot("department", .department)), .word("list")]) {
                    .local(.strategies(department: $0.text("department")))
                },
            ]),
        spec("strategies", ["stratégies"], group: "answers", local(.strategies(department: nil))),
        spec(
            "knows", ["connaît", "connait"], group: "answers",
            [
                CommandForm([
                    .slot(Slot("department", .department)),
                    .slot(Slot("other", .department, placeholder: "repl.arg.other")),
                ]) {
                    .submit(.knows(department: $0.text("department"), other: $0.text("other")))
                }
            ]),
        spec(
            "shares", ["partage"], group: "answers",
            [
                CommandForm([
                    .slot(Slot("department", .department)),
                    .slot(Slot("other", .department, placeholder: "repl.arg.other")),
                ]) {
                    .submit(.shares(department: $0.text("department"), other: $0.text("other")))
                }
            ]),
        spec(
            "note", group: "answers",
            [CommandForm([.slot(Slot("text", .text, rest: true))]) { .submit(.note(text: $0.text("text"))) }]),
        spec("undo", ["annuler"], group: "answers", submit(.undo)),
    ]

    private static let results: [CommandSpec] = [
        spec(
            "results", ["résultats", "resultats"], group: "results",
            [
                CommandForm([.slot(Slot("stage", .stage, optional: true))]) { .local(.results(stage: $0["stage"])) },
                CommandForm([.slot(Slot("stage", .stage, optional: true)), .word("all")]) {
                    .local(.results(stage: $0["stage"], all: true))
                },
            ]),
        spec("consensus", group: "results", local(.consensus)),
        spec(
            "rounds", ["tours"], group: "results",
            [CommandForm([.slot(Slot("stage", .stage, optional: true))]) { .local(.rounds(stage: $0["stage"])) }]),
        spec("silos", group: "results", local(.silos)),
        spec("maturity", ["maturité", "maturite"], group: "results", local(.maturity)),
        spec(
            "export", ["exporter"], group: "results",
            [
                CommandForm([.slot(Slot("format", .format)), .slot(Slot("path", .path, optional: true))]) {
                    .local(.export(format: $0.text("format"), path: $0["path"]))
                },
                CommandForm([
                    .slot(Slot("format", .format)), .slot(Slot("path", .path, optional: true)), .word("force"),
                ]) {
                    .local(.export(format: $0.text("format"), path: $0["path"], force: true))
                },
            ]),
    ]

    private static let session: [CommandSpec] = [
        spec(
            "help", ["aide", "?"], group: "session",
            [CommandForm([.slot(Slot("command", .command, optional: true))]) { .local(.help(command: $0["command"])) }]),
        spec("end", ["terminer", "fin"], group: "session", submit(.end)),
        spec("quit", ["exit", "quitter"], group: "session", local(.quit)),
        spec(
            "pager", group: "session",
            [CommandForm([.slot(Slot("mode", .choice(["on", "off"])))]) { .local(.pager($0.text("mode") == "on")) }]),
        spec("clear", ["effacer"], group: "session", local(.clear)),
    ]
}
