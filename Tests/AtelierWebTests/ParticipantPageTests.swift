import AtelierCore
import AtelierWeb
import Foundation
import Testing

@Suite struct ParticipantPageTests {
    let ana = PageSeat(name: "Ana", department: "marketing")

    @Test func theJoinFormHasTheCodeFromTheQRAndTheDeclaredDepartments() throws {
        let session = try PageTestSession()
        let page = session.participant(nil, prefill: JoinPrefill(code: "ABC234"))
        #expect(
            page.hasPrefix(
                "<main id=\"room\" class=\"participant\" lang=\"en\" data-offline=\"Connection lost; reconnecting…\" data-time-up=\"time is up for this stage\">"
            ))
        #expect(page.contains("<form method=\"post\" action=\"/join\" class=\"join\" autocomplete=\"off\">"))
        #expect(page.contains("name=\"code\" id=\"join-code\" value=\"ABC234\""))
        #expect(page.contains("<option value=\"marketing\">Marketing</option><option value=\"legal\">Legal</option>"))
        #expect(page.contains("<label for=\"join-name\">Your name</label>"))
        // The switch to French keeps the code.
        #expect(
            page.contains("<a href=\"/?lang=fr&amp;code=ABC234\" lang=\"fr\" hreflang=\"fr\" title=\"Français\">FR</a>")
        )
        let french = session.participant(nil, language: "fr", prefill: JoinPrefill(code: "ABC234"))
        #expect(french.contains("<label for=\"join-name\">Votre nom</label>"))
        #expect(french.contains("<button type=\"submit\" class=\"primary\">Rejoindre</button>"))
    }

    @Test func aRefusedJoinKeepsWhatWasTypedAndShowsTheSentence() throws {
        let session = try PageTestSession()
        let page = session.participant(
            nil, prefill: JoinPrefill(code: "ABC235", name: "Ana", department: "legal"),
            refusal: "wrong join code; check the six characters shown by the facilitator")
        #expect(
            page.contains(
                "<p class=\"refusal\" role=\"alert\">wrong join code; check the six characters shown by the facilitator</p>"
            ))
        #expect(page.contains("value=\"ABC235\""))
        #expect(page.contains("name=\"name\" id=\"join-name\" value=\"Ana\""))
        #expect(page.contains("<option value=\"legal\" selected>Legal</option>"))
    }

    @Test func everyTextIsEscapedNamesStrategiesAndRefusals() throws {
        var session = try PageTestSession(departments: [("marketing", "<b>Mkt</b>"), ("legal", "Legal")])
        let evil = "<script>alert(1)</script>"
        try session.run(.join(name: evil, department: "marketing"))
        try session.run(.goTo(stage: "strategy"))
        try session.run(.declareStrategy(department: "marketing", text: "\"quoted\" & <img src=x onerror=alert(2)>"))
        let page = session.participant(PageSeat(name: evil, department: "marketing"), refusal: "<i>no</i>")
        #expect(!page.contains("<script>"))
        #expect(!page.contains("<img"))
        #expect(!page.contains("<b>"))
        #expect(page.contains("You: &lt;script&gt;alert(1)&lt;/script&gt; · &lt;b&gt;Mkt&lt;/b&gt;"))
        #expect(page.contains("<li>&quot;quoted&quot; &amp; &lt;img src=x onerror=alert(2)&gt;</li>"))
        #expect(page.contains("<p class=\"refusal\" role=\"alert\">&lt;i&gt;no&lt;/i&gt;</p>"))
    }

    @Test func aRatingShowsTheItemItsScaleAndTheParticipantsOwnAnswer() throws {
        var session = try PageTestSession()
        try session.run(.join(name: "Ana", department: "marketing"))
        try session.run(.goTo(stage: "ignore"))
        var page = session.participant(ana)
        #expect(page.contains("<p class=\"position\">Stage 2 of 9</p><h1>Looking away</h1>"))
        #expect(page.contains("<h2>Flee and close our eyes</h2>"))
        #expect(page.contains("Customers talk about the company online, but we would rather not look or listen."))
        #expect(
            page.contains(
                "<p class=\"example\">&quot;If we don&#39;t read what they write, it didn&#39;t really happen.&quot;</p>"
            ))
        #expect(page.occurrences(of: "<button type=\"submit\" name=\"value\"") == 5)
        #expect(page.contains("<span class=\"point\">4</span><span class=\"label\">Exactly us</span>"))
        #expect(page.contains("<p class=\"yours none\">Not answered yet: tap your answer.</p>"))
        #expect(
            page.contains(
                "<input type=\"hidden\" name=\"op\" value=\"rate\"><input type=\"hidden\" name=\"item\" value=\"ignore\">"
            ))

        try session.run(.rate(who: "Ana", item: "ignore", value: 3), by: .participant("Ana"))
        page = session.participant(ana)
        #expect(page.occurrences(of: "aria-pressed=\"true\"") == 1)
        #expect(
            page.contains(
                "name=\"value\" value=\"3\" class=\"choice chosen\" aria-pressed=\"true\"><span class=\"point\">3</span>"
            ))
        #expect(
            page.contains(
                "<p class=\"yours\">Your answer: 3 — Much like us. You can change it until the answers close.</p>"))

        try session.run(.lock)
        page = session.participant(ana)
        #expect(page.contains("<span class=\"badge locked\">Answers closed</span>"))
        #expect(page.contains("<p class=\"yours\">Your answer: 3 — Much like us.</p>"))
        // The rating's fieldset and its five points; a remark can still be added.
        #expect(page.occurrences(of: " disabled>") == 6)
    }

    @Test func aRevealedRatingShowsTheRoomsAnswersAsTheTallyCountsThem() throws {
        var session = try PageTestSession()
        for (name, department, value) in [("Ana", "marketing", 3), ("Bruno", "legal", 1), ("Chloe", "marketing", 4)] {
            try session.run(.join(name: name, department: department))
            if name == "Ana" { try session.run(.goTo(stage: "ignore")) }
            try session.run(.rate(who: name, item: "ignore", value: value), by: .participant(name))
        }
        try session.run(.reveal)
        let page = session.participant(ana)
        #expect(page.contains("<span class=\"badge revealed\">Results out</span>"))
        #expect(page.contains("<h2>The room&#39;s answers</h2>"))
        #expect(page.contains("<p class=\"figures\">3 answers · median 3</p>"))
        // One row per point: its label, and the count at the end of the bar.
        #expect(page.contains("<text x=\"0\" y=\"15\" class=\"label\">0 Not us at all</text>"))
        let counts = page.matches(of: /class="count">(\d+)<\/text>/).map { String($0.output.1) }
        #expect(counts == ["0", "1", "0", "1", "1"])
    }

    @Test func aPickOffersLargeOptionsAndHighlightsTheOneChosen() throws {
        var session = try PageTestSession()
        try session.run(.join(name: "Ana", department: "marketing"))
        try session.run(.goTo(stage: "position"))
        try session.run(.pick(who: "Ana", option: "delegate"), by: .participant("Ana"))
        let page = session.participant(ana)
        #expect(page.occurrences(of: "name=\"option\"") == 4)
        #expect(
            page.contains(
                "value=\"delegate\" class=\"choice chosen\" aria-pressed=\"true\"><span class=\"label\">Delegate to an agency or a guru</span>"
            ))
        #expect(page.contains("Your answer: Delegate to an agency or a guru."))
    }

    @Test func theStrategyStageTakesTheDepartmentsTextAndWhatItKnowsAndShares() throws {
        var session = try PageTestSession()
        try session.run(.join(name: "Ana", department: "marketing"))
        try session.run(.goTo(stage: "strategy"))
        var page = session.participant(ana)
        #expect(page.contains("<h2>The strategy of Marketing</h2>"))
        #expect(page.contains("<p class=\"yours none\">Your department has stated no strategy yet.</p>"))
        #expect(page.contains("<input type=\"hidden\" name=\"op\" value=\"strategy\">"))
        #expect(page.contains("<div class=\"department\" id=\"department-legal\"><h3>Legal</h3>"))
        #expect(!page.contains("id=\"department-marketing\""))
        #expect(page.occurrences(of: "aria-checked=\"false\"") == 2)

        // A department can know only a strategy that was stated (main's rule since issue-18).
        try session.run(.declareStrategy(department: "legal", text: "We answer within a day"))
        try session.run(.knows(department: "marketing", other: "legal"), by: .participant("Ana"))
        page = session.participant(ana)
        #expect(
            page.contains(
                "<button type=\"submit\" class=\"check on\" role=\"checkbox\" aria-checked=\"true\" disabled><span class=\"box\" aria-hidden=\"true\">✓</span>We know this department&#39;s strategy</button>"
            ))
        #expect(page.occurrences(of: "aria-checked=\"false\"") == 1)
    }

    @Test func theTimerCountsDownFromWhatIsLeft() throws {
        var session = try PageTestSession()
        try session.run(.join(name: "Ana", department: "marketing"))
        try session.run(.goTo(stage: "ignore"))
        try session.run(.timer(minutes: 2), at: 10_000)
        var page = session.participant(ana, now: 40_500)
        #expect(
            page.contains(
                "<span class=\"badge timer\" role=\"timer\">Time left <span class=\"countdown\" data-left=\"89500\">1:30</span></span>"
            ))
        page = session.participant(ana, now: 130_000)
        #expect(page.contains("<span class=\"badge timer done\">time is up for this stage</span>"))
    }

    @Test func pauseEndAndClosingsAreSaid() throws {
        var session = try PageTestSession()
        try session.run(.join(name: "Ana", department: "marketing"))
        #expect(session.participant(ana, paused: true).contains("<p class=\"notice paused\" role=\"status\">"))
        #expect(
            session.participant(ana, closing: .kicked).contains(
                "<section class=\"notice closed\"><h1>The facilitator removed you from the session.</h1></section>"))
        #expect(session.participant(ana, closing: .left).contains("<a href=\"/\">Join again</a>"))
        try session.run(.end)
        #expect(
            session.participant(ana).contains(
                "<section class=\"notice ended\"><h1>The workshop is over. Thank you for taking part.</h1></section>"))
    }

    @Test func theWholePageLoadsOnlyItsOwnStyleAndScriptAndNeverTheToken() throws {
        let session = try PageTestSession()
        let page = ParticipantPage.document(
            ParticipantPageModel(
                room: RoomSnapshot(state: session.state, now: 0), catalog: session.catalogs["fr"]!,
                languages: session.languages, seat: nil))
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"/style.css\">"))
        #expect(page.contains("<script src=\"/app.js\" defer></script>"))
        #expect(page.occurrences(of: "<script") == 1)
        #expect(!page.contains("style=\""))
        #expect(!page.contains("http"))
        #expect(page.contains("data-offline=\"Connexion perdue ; reconnexion…\""))
    }
}
