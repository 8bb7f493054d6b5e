import AtelierCore
import AtelierWeb
import Foundation
import Testing

/// The pages in a stage's second round (`round`, issue 16): the phone is told
/// the round and starts from its own earlier answer; the projector says the
/// round, counts this round's answers and, revealed, how each median moved.
@Suite struct RoundPageTests {
    let ana = PageSeat(name: "Ana", department: "marketing")
    let bruno = PageSeat(name: "Bruno", department: "legal")
    let chloe = PageSeat(name: "Chloe", department: "marketing")

    /// Ana (marketing) rated `ignore` 3, Bruno (legal) 1; revealed, then round 2.
    func secondRound() throws -> PageTestSession {
        var session = try PageTestSession()
        try session.run(.join(name: "Ana", department: "marketing"))
        try session.run(.join(name: "Bruno", department: "legal"))
        try session.run(.goTo(stage: "ignore"))
        try session.run(.rate(who: "Ana", item: "ignore", value: 3), by: .participant("Ana"))
        try session.run(.rate(who: "Bruno", item: "ignore", value: 1), by: .participant("Bruno"))
        try session.run(.reveal)
        try session.run(.round)
        return session
    }

    @Test func aNewRoundIsSaidAndTheEarlierAnswerIsTheStartingPoint() throws {
        let session = try secondRound()
        let page = session.participant(ana)
        #expect(page.contains("<p class=\"position\">Stage 2 of 9 · Round 2</p><h1>Looking away</h1>"))
        #expect(
            page.contains(
                "<p class=\"notice round\" role=\"status\">Round 2 — answer again; your round-1 answer is preselected</p>"
            ))
        // The round-1 point is marked (not pressed: it is not yet an answer of round 2); the others are plain.
        #expect(
            page.contains(
                "name=\"value\" value=\"3\" class=\"choice previous\" aria-pressed=\"false\" aria-describedby=\"previous-ignore\"><span class=\"point\">3</span>"
            ))
        #expect(page.occurrences(of: "class=\"choice previous\"") == 1)
        #expect(page.occurrences(of: "class=\"choice\"") == 4)
        #expect(!page.contains("aria-pressed=\"true\""))
        #expect(
            page.contains(
                "<p class=\"yours previous\" id=\"previous-ignore\">Your round-1 answer: 3 — Much like us. Tap it to keep it, or choose another.</p>"
            ))
        // Open again: not revealed, not locked, nothing disabled but what never is.
        #expect(!page.contains("badge revealed"))
        #expect(!page.contains("The room&#39;s answers"))
        #expect(page.occurrences(of: " disabled>") == 0)

        let french = session.participant(ana, language: "fr")
        #expect(french.contains("<p class=\"position\">Étape 2 sur 9 · Tour 2</p>"))
        #expect(
            french.contains(
                "<p class=\"notice round\" role=\"status\">Tour 2 — répondez à nouveau ; votre réponse du tour 1 est présélectionnée</p>"
            ))
        #expect(
            french.contains(
                "<p class=\"yours previous\" id=\"previous-ignore\">Votre réponse au tour 1 : 3 — Beaucoup nous. Touchez-la pour la garder, ou choisissez-en une autre.</p>"
            ))
    }

    @Test func answeringInTheNewRoundShowsThatAnswerNoLongerTheEarlierOne() throws {
        var session = try secondRound()
        try session.run(.rate(who: "Ana", item: "ignore", value: 4), by: .participant("Ana"))
        var page = session.participant(ana)
        #expect(
            page.contains(
                "<p class=\"notice round\" role=\"status\">Round 2 — you have answered this round</p>"))
        #expect(
            page.contains(
                "name=\"value\" value=\"4\" class=\"choice chosen\" aria-pressed=\"true\"><span class=\"point\">4</span>"
            ))
        #expect(!page.contains("choice previous"))
        #expect(
            page.contains(
                "<p class=\"yours\">Your answer: 4 — Exactly us. You can change it until the answers close.</p>"))
        #expect(session.state.ratings["ignore"]?[.participant("Ana")]?.map(\.round) == [1, 2])

        // Keeping the round-1 answer is answering it again in round 2.
        try session.run(.rate(who: "Bruno", item: "ignore", value: 1), by: .participant("Bruno"))
        page = session.participant(bruno, language: "fr")
        #expect(page.contains("<p class=\"notice round\" role=\"status\">Tour 2 — vous avez répondu à ce tour</p>"))
        #expect(page.contains("value=\"1\" class=\"choice chosen\" aria-pressed=\"true\""))

        // Revealed: the notice goes (the round stays in the position line) and the room's answers are round 2's.
        try session.run(.reveal)
        page = session.participant(ana)
        #expect(page.contains("<p class=\"position\">Stage 2 of 9 · Round 2</p>"))
        #expect(!page.contains("notice round"))
        #expect(page.contains("<h2>The room&#39;s answers · Round 2</h2>"))
        // The company's median moved from 2 (Ana 3, Bruno 1) to 2.5 (Ana 4, Bruno 1).
        #expect(page.contains("<p class=\"figures\">2 answers · median 2 → 2.5</p>"))
        #expect(
            session.participant(ana, language: "fr").contains("<p class=\"figures\">2 réponses · médiane 2 → 2,5</p>"))
    }

    @Test func someoneWhoJoinsInTheSecondRoundSeesTheRoundAndAnEmptyForm() throws {
        var session = try secondRound()
        try session.run(.join(name: "Chloe", department: "marketing"))
        let page = session.participant(chloe)
        #expect(page.contains("<p class=\"position\">Stage 2 of 9 · Round 2</p>"))
        #expect(
            page.contains("<p class=\"notice round\" role=\"status\">Round 2 — answer as you see it now</p>"))
        #expect(!page.contains("choice previous"))
        #expect(page.occurrences(of: "class=\"choice\"") == 5)
        #expect(page.contains("<p class=\"yours none\">Not answered yet: tap your answer.</p>"))
        #expect(
            session.participant(chloe, language: "fr").contains(
                "<p class=\"notice round\" role=\"status\">Tour 2 — répondez selon ce que vous pensez maintenant</p>"))
    }

    @Test func undoingTheRoundGoesBackToTheFirstRoundsRevealedPage() throws {
        var session = try secondRound()
        let before = try {
            var first = try PageTestSession()
            try first.run(.join(name: "Ana", department: "marketing"))
            try first.run(.join(name: "Bruno", department: "legal"))
            try first.run(.goTo(stage: "ignore"))
            try first.run(.rate(who: "Ana", item: "ignore", value: 3), by: .participant("Ana"))
            try first.run(.rate(who: "Bruno", item: "ignore", value: 1), by: .participant("Bruno"))
            try first.run(.reveal)
            return first.participant(ana)
        }()
        try session.run(.undo)
        let page = session.participant(ana)
        #expect(page == before)
        #expect(page.contains("<p class=\"position\">Stage 2 of 9</p>"))
        #expect(page.contains("<span class=\"badge revealed\">Results out</span>"))
        #expect(page.contains("value=\"3\" class=\"choice chosen\" aria-pressed=\"true\""))
    }

    @Test func aPickStartsFromTheEarlierPick() throws {
        var session = try PageTestSession()
        try session.run(.join(name: "Ana", department: "marketing"))
        try session.run(.goTo(stage: "position"))
        try session.run(.pick(who: "Ana", option: "delegate"), by: .participant("Ana"))
        try session.run(.reveal)
        try session.run(.round)
        let page = session.participant(ana)
        #expect(
            page.contains(
                "value=\"delegate\" class=\"choice previous\" aria-pressed=\"false\" aria-describedby=\"previous-pick\"><span class=\"label\">Delegate to an agency or a guru</span>"
            ))
        #expect(
            page.contains(
                "<p class=\"yours previous\" id=\"previous-pick\">Your round-1 answer: Delegate to an agency or a guru. Tap it to keep it, or choose another.</p>"
            ))
        #expect(page.contains("Round 2 — answer again; your round-1 answer is preselected"))
    }

    @Test func theProjectorSaysTheRoundAndCountsThisRoundsAnswers() throws {
        var session = try secondRound()
        var screen = session.projector()
        #expect(screen.contains("<span class=\"badge round\">Round 2</span>"))
        #expect(screen.contains("<span class=\"badge answered\">0 of 2 answered</span>"))
        try session.run(.rate(who: "Ana", item: "ignore", value: 4), by: .participant("Ana"))
        screen = session.projector(language: "fr")
        #expect(screen.contains("<span class=\"badge round\">Tour 2</span>"))
        #expect(screen.contains("<span class=\"badge answered\">1 sur 2 a répondu</span>"))
    }

    @Test func aRevealedSecondRoundShowsHowEachMedianMoved() throws {
        var session = try secondRound()
        try session.run(.join(name: "Chloe", department: "marketing"))
        try session.run(.rate(who: "Ana", item: "ignore", value: 4), by: .participant("Ana"))
        try session.run(.rate(who: "Chloe", item: "ignore", value: 2), by: .participant("Chloe"))
        try session.run(.rate(who: "Bruno", item: "ignore", value: 2), by: .participant("Bruno"))
        try session.run(.reveal)
        let screen = session.projector()
        #expect(screen.contains("<p class=\"rounds\">Round 2: each median reads round 1 → round 2</p>"))
        // Marketing: round 1 Ana 3; round 2 Ana 4, Chloe 2 (median 3). Legal: 1 → 2. Company: 2 → 2.
        let rows = screen.matches(of: /<tr( class="company")?><th scope="row">([^<]+)<\/th>(.*?)<\/tr>/)
        let tails = rows.map { row in
            (
                String(row.output.2),
                row.output.3.matches(of: /<td class="num">([^<]+)<\/td>/).map { String($0.output.1) }
            )
        }
        #expect(tails.map(\.0) == ["Marketing", "Legal", "Company"])
        #expect(tails.map(\.1) == [["2", "3 → 3"], ["1", "1 → 2"], ["3", "2 → 2"]])
        let french = session.projector(language: "fr")
        #expect(french.contains("<p class=\"rounds\">Tour 2 : chaque médiane se lit tour 1 → tour 2</p>"))
        #expect(french.contains("<td class=\"num\">1 → 2</td>"))
    }

    @Test func aRevealedSecondRoundOfAPickSaysWhoChanged() throws {
        var session = try PageTestSession()
        try session.run(.join(name: "Ana", department: "marketing"))
        try session.run(.join(name: "Bruno", department: "legal"))
        try session.run(.goTo(stage: "position"))
        try session.run(.pick(who: "Ana", option: "delegate"), by: .participant("Ana"))
        try session.run(.pick(who: "Bruno", option: "ignore"), by: .participant("Bruno"))
        try session.run(.reveal)
        try session.run(.round)
        try session.run(.pick(who: "Ana", option: "drift"), by: .participant("Ana"))
        try session.run(.pick(who: "Bruno", option: "ignore"), by: .participant("Bruno"))
        try session.run(.reveal)
        let screen = session.projector()
        #expect(screen.contains("<p class=\"rounds\">Round 2: each count reads round 1 → round 2</p>"))
        // Per option (ignore, status_quo, delegate, drift): Ana (marketing) delegate → drift, Bruno (legal) kept ignore.
        let rows = screen.matches(of: /<tr( class="company")?><th scope="row">([^<]+)<\/th>(.*?)<\/tr>/)
        let counts = rows.map { row in
            (
                String(row.output.2),
                row.output.3.matches(of: /<span class="count">([^<]+)<\/span>/).map { String($0.output.1) }
            )
        }
        #expect(counts.map(\.0) == ["Marketing", "Legal", "Company"])
        #expect(
            counts.map(\.1) == [
                ["0 → 0", "0 → 0", "1 → 0", "0 → 1"], ["1 → 1", "0 → 0", "0 → 0", "0 → 0"],
                ["1 → 1", "0 → 0", "1 → 0", "0 → 1"],
            ])
        #expect(screen.contains("<figure class=\"tally counts\">"))
        #expect(
            screen.contains(
                "<p class=\"rounds\">Since round 1, 1 of the 2 who picked in both rounds changed their pick</p>"))
        #expect(
            session.projector(language: "fr").contains(
                "<p class=\"rounds\">Depuis le tour 1, 1 sur les 2 ayant choisi aux deux tours a changé de choix</p>"))
    }
}

/// An anonymous session's pages in a second round: no typed name anywhere,
/// the small groups' figures withheld from the movement too.
@Suite struct AnonymousRoundPageTests {
    @Test func thePhoneSaysItsPseudonymAndTheProjectorHidesSmallGroupsMovement() throws {
        var session = try PageTestSession(minGroup: 2)
        // Typed "Ana", "Bruno", "Chloe": the session knows marketing#1, legal#1, marketing#2.
        for (typed, department) in [("Ana", "marketing"), ("Bruno", "legal"), ("Chloe", "marketing")] {
            try session.run(.join(name: typed, department: department), by: .participant(typed))
        }
        #expect(session.state.participantOrder == ["marketing#1", "legal#1", "marketing#2"])
        try session.run(.goTo(stage: "ignore"))
        for (name, value) in [("marketing#1", 3), ("legal#1", 1), ("marketing#2", 1)] {
            try session.run(.rate(who: name, item: "ignore", value: value), by: .participant(name))
        }
        try session.run(.reveal)
        try session.run(.round)
        let seat = PageSeat(name: "marketing#1", department: "marketing")
        var page = session.participant(seat)
        #expect(
            page.contains(
                "<p class=\"you\">You: marketing, participant 1. The session is anonymous: the room and the summary know you only by this name; the name you typed is not kept.</p>"
            ))
        #expect(page.contains("Round 2 — answer again; your round-1 answer is preselected"))
        #expect(page.contains("value=\"3\" class=\"choice previous\""))
        #expect(
            session.participant(seat, language: "fr").contains(
                "<p class=\"you\">Vous : marketing, participant·e 1. La séance est anonyme : la salle et la synthèse ne vous connaissent que sous ce nom ; le nom que vous avez tapé n&#39;est pas gardé.</p>"
            ))

        for (name, value) in [("marketing#1", 4), ("legal#1", 2), ("marketing#2", 2)] {
            try session.run(.rate(who: name, item: "ignore", value: value), by: .participant(name))
        }
        try session.run(.reveal)
        page = session.participant(seat)
        let screen = session.projector()
        for typed in ["Ana", "Bruno", "Chloe"] {
            #expect(!page.contains(typed))
            #expect(!screen.contains(typed))
        }
        // Marketing (2 answers a round) moves 2 → 3; Legal (1 answer) is withheld, its medians too.
        let rows = screen.matches(of: /<tr( class="company")?><th scope="row">([^<]+)<\/th>(.*?)<\/tr>/)
        let tails = rows.map { row in
            (
                String(row.output.2),
                row.output.3.matches(of: /<td class="num">([^<]+)<\/td>/).map { String($0.output.1) }
            )
        }
        #expect(tails.map(\.0) == ["Marketing", "Legal", "Company"])
        #expect(tails.map(\.1) == [["2", "2 → 3"], ["&lt;2", "–"], ["3", "1 → 2"]])
        #expect(screen.contains("<p class=\"withheld\">fewer than 2 answers, not shown: Legal"))
    }
}
