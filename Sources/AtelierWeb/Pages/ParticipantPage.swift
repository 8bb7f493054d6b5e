import AtelierCore

/// The participant's page: the join form, then the current stage as the
/// facilitator moves (what the facilitator's `stage` shows, as forms).
/// Every answer is a plain form posting to `/act`: it works without the
/// script, which only sends the same fields over the WebSocket.
public enum ParticipantPage {
    /// The whole page, for a GET or a form's POST.
    public static func document(_ model: ParticipantPageModel) -> String {
        PageShell.document(
            catalog: model.catalog, title: model.room.state.workshop.title.text(model.catalog.language),
            scripts: [PageRoutes.script], socket: PageRoutes.socket, bodyClass: "phone", main: fragment(model))
    }

    /// `<main id="room">…</main>`: what a push replaces.
    public static func fragment(_ model: ParticipantPageModel) -> String {
        let view = ParticipantView(model: model)
        return PageShell.main(catalog: model.catalog, cls: "participant", view.body())
    }
}

/// The parts of the participant's page, in the reader's language.
struct ParticipantView {
    let model: ParticipantPageModel

    var catalog: Catalog { model.catalog }
    var state: SessionState { model.room.state }
    var language: String { catalog.language }
    func t(_ key: String, _ args: [String: MessageValue] = [:]) -> String { catalog.text(key, args) }

    func body() -> String {
        var out = header()
        if let refusal = model.refusal {
            out += HTML.el("p", [("class", "refusal"), ("role", "alert")], HTML.text(refusal))
        }
        if let confirmation = model.confirmation {
            out += HTML.el("p", [("class", "confirmation"), ("role", "status")], HTML.text(confirmation))
        }
        if let closing = model.closing {
            return out + closed(closing)
        }
        guard let seat = model.seat else { return out + joinForm() }
        if state.isEnded {
            return out + HTML.el("section", [("class", "notice ended")], HTML.el("h1", [], HTML.text(t("web.ended"))))
        }
        if model.room.paused {
            out += HTML.el("p", [("class", "notice paused"), ("role", "status")], HTML.text(t("web.paused")))
        }
        out += stage(seat)
        out += footer(seat)
        return out
    }

    // MARK: - Around the stage

    func header() -> String {
        var inner = HTML.el("p", [("class", "workshop")], HTML.text(state.workshop.title.text(language)))
        inner += languageSwitch()
        return HTML.el("header", [("class", "top")], inner)
    }

    /// Links before joining (`/?lang=`), a form once seated (the seat keeps the language).
    func languageSwitch() -> String {
        let others = model.languages.filter { $0.code != language }
        guard !others.isEmpty else { return "" }
        let current = HTML.el(
            "span", [("class", "current"), ("aria-current", "true")], HTML.text(language.uppercased()))
        var items = current
        for other in others {
            if model.seat == nil {
                var href = PageRoutes.participant + "?lang=" + percentEncoded(other.code)
                if !model.prefill.code.isEmpty { href += "&code=" + percentEncoded(model.prefill.code) }
                items += HTML.el(
                    "a", [("href", href), ("lang", other.code), ("hreflang", other.code), ("title", other.name)],
                    HTML.text(other.code.uppercased()))
            } else {
                items += actForm(
                    .locale, fields: [(PageRoutes.Field.lang, other.code)], cls: "inline",
                    HTML.el(
                        "button", [("type", "submit"), ("lang", other.code), ("title", other.name)],
                        HTML.text(other.code.uppercased())))
            }
        }
        return HTML.el("nav", [("class", "languages"), ("aria-label", t("web.language"))], items)
    }

    func footer(_ seat: PageSeat) -> String {
        let department = state.department(seat.department)?.name ?? seat.department
        // In an anonymous session the seat's name is its pseudonym (the typed name is not kept): said in words.
        let you =
            state.anonymous
            ? t("web.you_anonymous", ["name": .text(shownName(seat.name))])
            : t("web.you", ["name": .text(seat.name), "department": .text(department)])
        var inner = HTML.el("p", [("class", "you")], HTML.text(you))
        inner += actForm(
            .quit, fields: [], cls: "inline",
            HTML.el("button", [("type", "submit"), ("class", "quiet")], HTML.text(t("web.leave"))))
        return HTML.el("footer", [("class", "bottom")], inner)
    }

    /// A pseudonym in words ("marketing, participant 3"); any other name as it is.
    func shownName(_ name: String) -> String {
        Pseudonym.described(name).map(catalog.render) ?? name
    }

    func closed(_ closing: PageClosing) -> String {
        let key: String
        switch closing {
        case .kicked: key = "web.closing.kicked"
        case .replaced: key = "web.closing.replaced"
        case .left: key = "web.closing.left"
        }
        var inner = HTML.el("h1", [], HTML.text(t(key)))
        if closing != .kicked {
            inner += HTML.el(
                "p", [], HTML.el("a", [("href", PageRoutes.participant)], HTML.text(t("web.closing.again"))))
        }
        return HTML.el("section", [("class", "notice closed")], inner)
    }

    // MARK: - Joining

    func joinForm() -> String {
        var fields = HTML.el("h1", [], HTML.text(t("web.join.heading")))
        fields += HTML.void("input", [("type", "hidden"), ("name", PageRoutes.Field.lang), ("value", language)])
        fields += label(
            t("web.join.code"), hint: t("web.join.code_hint"),
            HTML.void(
                "input",
                [
                    ("name", PageRoutes.Field.code), ("id", "join-code"), ("value", model.prefill.code),
                    ("required", ""), ("maxlength", "6"), ("autocapitalize", "characters"), ("autocomplete", "off"),
                    ("spellcheck", "false"), ("class", "code"),
                ]), for: "join-code")
        fields += label(
            t("web.join.name"), hint: t("web.join.name_hint"),
            HTML.void(
                "input",
                [
                    ("name", PageRoutes.Field.name), ("id", "join-name"), ("value", model.prefill.name),
                    ("required", ""), ("maxlength", "40"), ("autocomplete", "nickname"), ("spellcheck", "false"),
                ]), for: "join-name")
        if state.departments.isEmpty {
            fields += HTML.el("p", [("class", "notice")], HTML.text(t("web.join.no_departments")))
        } else {
            var options = HTML.el(
                "option", [("value", ""), ("disabled", ""), ("selected", HTML.flag(model.prefill.department.isEmpty))],
                HTML.text(t("web.join.choose_department")))
            for department in state.departments {
                options += HTML.el(
                    "option",
                    [
                        ("value", department.id),
                        ("selected", HTML.flag(model.prefill.department.lowercased() == department.id)),
                    ], HTML.text(department.name))
            }
            fields += label(
                t("web.join.department"), hint: nil,
                HTML.el(
                    "select", [("name", PageRoutes.Field.department), ("id", "join-department"), ("required", "")],
                    options), for: "join-department")
        }
        fields += HTML.el(
            "button", [("type", "submit"), ("class", "primary"), ("disabled", HTML.flag(state.departments.isEmpty))],
            HTML.text(t("web.join.submit")))
        return HTML.el(
            "form", [("method", "post"), ("action", PageRoutes.join), ("class", "join"), ("autocomplete", "off")],
            fields)
    }

    func label(_ text: String, hint: String?, _ control: String, for id: String) -> String {
        var inner = HTML.el("label", [("for", id)], HTML.text(text))
        if let hint { inner += HTML.el("small", [], HTML.text(hint)) }
        return HTML.el("div", [("class", "field")], inner + control)
    }

    // MARK: - The stage

    func stage(_ seat: PageSeat) -> String {
        guard let stage = state.stage else { return "" }
        let locked = state.locked.contains(stage.id)
        let revealed = state.revealed.contains(stage.id)
        let number = (state.workshop.stageIndex(stage.id) ?? 0) + 1
        let round = state.round(of: stage.id)
        var position = t(
            "web.stage.position", ["number": .count(number), "total": .count(state.workshop.stages.count)])
        if round > 1 { position += " · " + t("web.round.position", ["round": .count(round)]) }
        var out = HTML.el("p", [("class", "position")], HTML.text(position))
        out += HTML.el("h1", [], HTML.text(stage.title.text(language)))
        out += HTML.el("p", [("class", "prompt")], HTML.text(stage.prompt.text(language)))
        out += status(stage, locked: locked, revealed: revealed)
        let rater = Rater.participant(seat.name)
        if round > 1, !locked, !revealed { out += roundNotice(stage, round: round, rater: rater) }
        switch stage.kind {
        case .rating: out += rating(stage, rater: rater, locked: locked)
        case .pick: out += pick(stage, rater: rater, locked: locked)
        case .strategy: out += strategy(stage, seat: seat, locked: locked)
        case .intro: out += HTML.el("p", [("class", "hint")], HTML.text(t("web.hint.intro")))
        case .discussion: out += HTML.el("p", [("class", "hint")], HTML.text(t("web.hint.discussion")))
        }
        if revealed { out += ResultsView(state: state, analysis: model.room.analysis, catalog: catalog).phone(stage) }
        out += note(stage, open: stage.kind == .intro || stage.kind == .discussion)
        return HTML.el("section", [("class", "stage " + stage.kind.rawValue), ("data-stage", stage.id)], out)
    }

    /// Lock, reveal and the countdown.
    func status(_ stage: Stage, locked: Bool, revealed: Bool) -> String {
        var badges = ""
        if locked { badges += HTML.el("span", [("class", "badge locked")], HTML.text(t("web.stage.locked"))) }
        if revealed { badges += HTML.el("span", [("class", "badge revealed")], HTML.text(t("web.stage.revealed"))) }
        badges += Countdown.html(state: state, stage: stage, now: model.room.now, catalog: catalog)
        return badges.isEmpty ? "" : HTML.el("p", [("class", "status")], badges)
    }

    // MARK: - Rounds

    /// The participant's answers of the round before the current one, which
    /// the form starts from: per rating item its value, on a pick stage the
    /// option (key `-`). Empty in round 1.
    func previous(_ stage: Stage, rater: Rater) -> [String: String] {
        let round = state.round(of: stage.id)
        guard round > 1 else { return [:] }
        switch stage.kind {
        case .rating:
            var values: [String: String] = [:]
            for item in stage.items {
                if let value = state.latestRatings(item: item.id, round: round - 1)[rater] {
                    values[item.id] = String(value)
                }
            }
            return values
        case .pick:
            return state.latestPicks(stage: stage.id, round: round - 1)[rater].map { ["-": $0] } ?? [:]
        case .intro, .strategy, .discussion:
            return [:]
        }
    }

    /// Whether the participant answered every question of the stage in its current round.
    func answeredThisRound(_ stage: Stage, rater: Rater) -> Bool {
        switch stage.kind {
        case .rating: return stage.items.allSatisfy { state.latestRatings(item: $0.id)[rater] != nil }
        case .pick: return state.latestPicks(stage: stage.id)[rater] != nil
        case .intro, .strategy, .discussion: return true
        }
    }

    /// Round 2 or later, while answers are open: the stage asks again, from
    /// the participant's earlier answers when there are some.
    func roundNotice(_ stage: Stage, round: Int, rater: Rater) -> String {
        let key: String
        if answeredThisRound(stage, rater: rater) {
            key = "web.round.answered"
        } else if previous(stage, rater: rater).isEmpty {
            key = "web.round.again"
        } else {
            key = "web.round.again_previous"
        }
        return HTML.el(
            "p", [("class", "notice round"), ("role", "status")],
            HTML.text(t(key, ["round": .count(round), "previous": .count(round - 1)])))
    }

    /// How a choice button is drawn: the answer of this round, the one of the
    /// round before (a starting point, not yet an answer of this round), or neither.
    func choiceClass(chosen: Bool, previous: Bool) -> String {
        chosen ? "choice chosen" : previous ? "choice previous" : "choice"
    }

    func rating(_ stage: Stage, rater: Rater, locked: Bool) -> String {
        guard let scale = state.workshop.scale(of: stage) else { return "" }
        let earlier = previous(stage, rater: rater)
        let round = state.round(of: stage.id)
        return stage.items.map { item in
            let mine = state.latestRatings(item: item.id)[rater]
            // A starting point only until this round's answer is given.
            let start = mine == nil ? earlier[item.id].flatMap { Int($0) } : nil
            var inner = HTML.el("h2", [], HTML.text(item.label.text(language)))
            if let description = item.description?.text(language) {
                inner += HTML.el("p", [("class", "description")], HTML.text(description))
            }
            if let example = item.example?.text(language) {
                inner += HTML.el("p", [("class", "example")], HTML.text(example))
            }
            var buttons = ""
            for point in scale.points {
                let label = scale.label(point)?.text(language) ?? ""
                buttons += HTML.el(
                    "button",
                    [
                        ("type", "submit"), ("name", PageRoutes.Field.value), ("value", String(point)),
                        ("class", choiceClass(chosen: mine == point, previous: start == point)),
                        ("aria-pressed", mine == point ? "true" : "false"), ("disabled", HTML.flag(locked)),
                        // The starting point is said in words in the line under the buttons.
                        ("aria-describedby", start == point ? "previous-" + item.id : nil),
                    ],
                    HTML.el("span", [("class", "point")], String(point))
                        + HTML.el("span", [("class", "label")], HTML.text(label)))
            }
            inner += actForm(
                .rate, fields: [(PageRoutes.Field.item, item.id)], cls: "choices scale",
                HTML.el(
                    "fieldset", [("disabled", HTML.flag(locked))],
                    HTML.el("legend", [("class", "sr")], HTML.text(item.label.text(language))) + buttons))
            let words = { (point: Int) in "\(point) — " + (scale.label(point)?.text(language) ?? "") }
            inner += yours(
                mine.map(words), locked: locked, previous: start.map { (round - 1, words($0), "previous-" + item.id) })
            return HTML.el("article", [("class", "item"), ("id", "item-" + item.id)], inner)
        }.joined()
    }

    func pick(_ stage: Stage, rater: Rater, locked: Bool) -> String {
        let mine = state.latestPicks(stage: stage.id)[rater]
        let start = mine == nil ? previous(stage, rater: rater)["-"] : nil
        var buttons = ""
        for option in stage.options {
            buttons += HTML.el(
                "button",
                [
                    ("type", "submit"), ("name", PageRoutes.Field.option), ("value", option.id),
                    ("class", choiceClass(chosen: mine == option.id, previous: start == option.id)),
                    ("aria-pressed", mine == option.id ? "true" : "false"), ("disabled", HTML.flag(locked)),
                    ("aria-describedby", start == option.id ? "previous-pick" : nil),
                ], HTML.el("span", [("class", "label")], HTML.text(option.label.text(language))))
        }
        var out = actForm(
            .pick, fields: [], cls: "choices options", HTML.el("fieldset", [("disabled", HTML.flag(locked))], buttons))
        let words = { (id: String) in stage.option(id)?.label.text(language) ?? id }
        out += yours(
            mine.map(words), locked: locked,
            previous: start.map { (state.round(of: stage.id) - 1, words($0), "previous-pick") })
        return out
    }

    /// The participant's current answer in words, and whether it can still
    /// change; without one in this round, their answer of the round before
    /// (`previous`: that round, the answer in words and the line's id, which
    /// the marked button points to) as a starting point.
    func yours(_ answer: String?, locked: Bool, previous: (round: Int, answer: String, id: String)? = nil) -> String {
        guard let answer else {
            if let previous {
                var text = t(
                    "web.answer.previous", ["round": .count(previous.round), "answer": .text(previous.answer)])
                if !locked { text += " " + t("web.answer.keep") }
                return HTML.el("p", [("class", "yours previous"), ("id", previous.id)], HTML.text(text))
            }
            return HTML.el("p", [("class", "yours none")], HTML.text(t("web.answer.none")))
        }
        var text = t("web.answer.yours", ["answer": .text(answer)])
        if !locked { text += " " + t("web.answer.change") }
        return HTML.el("p", [("class", "yours")], HTML.text(text))
    }

    func strategy(_ stage: Stage, seat: PageSeat, locked: Bool) -> String {
        let mine = state.department(seat.department)?.name ?? seat.department
        var out = HTML.el("h2", [], HTML.text(t("web.strategy.heading", ["department": .text(mine)])))
        let stated = state.strategies[seat.department] ?? []
        if stated.isEmpty {
            out += HTML.el("p", [("class", "yours none")], HTML.text(t("web.strategy.none")))
        } else {
            out += HTML.el(
                "ul", [("class", "stated")], stated.map { HTML.el("li", [], HTML.text($0.text)) }.joined())
        }
        let box =
            HTML.el("label", [("for", "strategy-text")], HTML.text(t("web.strategy.text")))
            + HTML.el(
                "textarea",
                [
                    ("name", PageRoutes.Field.text), ("id", "strategy-text"), ("rows", "3"), ("maxlength", "500"),
                    ("required", ""), ("disabled", HTML.flag(locked)),
                ])
            + HTML.el(
                "button", [("type", "submit"), ("class", "primary"), ("disabled", HTML.flag(locked))],
                HTML.text(t("web.strategy.submit")))
        out += actForm(.strategy, fields: [], cls: "text", box)
        let others = state.departments.filter { $0.id != seat.department }
        guard !others.isEmpty else { return out }
        out += HTML.el("h2", [], HTML.text(t("web.strategy.others")))
        for other in others {
            var row = HTML.el("h3", [], HTML.text(other.name))
            row += toggle(
                .knows, other: other.id, on: state.knows(seat.department, other.id), locked: locked,
                label: t("web.strategy.knows"))
            row += toggle(
                .shares, other: other.id, on: state.shares(seat.department, other.id), locked: locked,
                label: t("web.strategy.shares"))
            out += HTML.el("div", [("class", "department"), ("id", "department-" + other.id)], row)
        }
        return out
    }

    /// A statement about another department, shown as a checkbox: once said
    /// it stays said (only the facilitator's `undo` takes it back).
    func toggle(_ op: PageRoutes.Op, other: String, on: Bool, locked: Bool, label: String) -> String {
        let button = HTML.el(
            "button",
            [
                ("type", "submit"), ("class", on ? "check on" : "check"), ("role", "checkbox"),
                ("aria-checked", on ? "true" : "false"), ("disabled", HTML.flag(on || locked)),
            ], HTML.el("span", [("class", "box"), ("aria-hidden", "true")], on ? "✓" : "") + HTML.text(label))
        return actForm(op, fields: [(PageRoutes.Field.other, other)], cls: "toggle", button)
    }

    func note(_ stage: Stage, open: Bool) -> String {
        let box =
            HTML.el("label", [("for", "note-text")], HTML.text(t("web.note.text")))
            + HTML.el(
                "textarea",
                [
                    ("name", PageRoutes.Field.text), ("id", "note-text"), ("rows", "3"), ("maxlength", "500"),
                    ("required", ""),
                ])
            + HTML.el("button", [("type", "submit")], HTML.text(t("web.note.submit")))
        let form = actForm(.note, fields: [], cls: "text note", box)
        return HTML.el(
            "details", [("class", "note"), ("open", HTML.flag(open))],
            HTML.el("summary", [], HTML.text(t("web.note.heading"))) + form)
    }

    /// A form posting one participant request to `/act`.
    func actForm(_ op: PageRoutes.Op, fields: [(String, String)], cls: String, _ inner: String) -> String {
        var hidden = HTML.void("input", [("type", "hidden"), ("name", PageRoutes.Field.op), ("value", op.rawValue)])
        for (name, value) in fields {
            hidden += HTML.void("input", [("type", "hidden"), ("name", name), ("value", value)])
        }
        return HTML.el("form", [("method", "post"), ("action", PageRoutes.act), ("class", cls)], hidden + inner)
    }

    /// A query value, percent-encoded (codes and language tags are ASCII already; this keeps a link sound).
    func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let c = Character(UnicodeScalar(byte))
            if c.isASCII, c.isLetter || c.isNumber || c == "-" || c == "_" {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
