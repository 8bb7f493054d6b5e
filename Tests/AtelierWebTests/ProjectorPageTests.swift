import AtelierCore
import AtelierWeb
import Foundation
import Testing

@Suite struct ProjectorPageTests {
    @Test func theIntroShowsHowToJoinAndWhoJoinedPerDepartmentWithoutNames() throws {
        var session = try PageTestSession()
        try session.run(.join(name: "Ana", department: "marketing"))
        try session.run(.join(name: "Chloe", department: "marketing"))
        try session.run(.join(name: "Bruno", department: "legal"))
        try session.run(.leave(name: "Bruno"))
        let page = session.projector()
        #expect(page.contains("<p class=\"url\">http://192.168.1.20:4712/?code=ABC234</p>"))
        #expect(page.contains("<span class=\"code\">ABC234</span>"))
        #expect(page.contains("<p class=\"joined-total\">2 people in the room</p>"))
        #expect(
            page.contains(
                "<li><span class=\"name\">Marketing</span><span class=\"count\">2</span></li><li><span class=\"name\">Legal</span><span class=\"count\">0</span></li>"
            ))
        #expect(!page.contains("Ana"))
        #expect(!page.contains("Chloe"))
        #expect(!page.contains("Bruno"))
    }

    @Test func theQRCodeIsDrawnModuleByModuleWithItsQuietZone() throws {
        let session = try PageTestSession()
        let url = "http://192.168.1.20:4712/?code=ABC234"
        let matrix = try #require(QRMatrix(encoding: url))
        let page = session.projector()
        let side = matrix.width + 8
        #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" class=\"qr\""))
        // Every dark module is covered by exactly one run of the path, and nothing else is.
        let path = try #require(page.firstMatch(of: /<path d="([^"]*)" fill="#000000" \/>/)).output.1
        var dark = Set<Int>()
        for run in path.matches(of: /M(\d+) (\d+)h(\d+)v1h-\d+z/) {
            let (x, y, length) = (Int(run.output.1)! - 4, Int(run.output.2)! - 4, Int(run.output.3)!)
            for column in x..<(x + length) { #expect(dark.insert(y * matrix.width + column).inserted) }
        }
        var expected = Set<Int>()
        for y in 0..<matrix.width {
            for x in 0..<matrix.width where matrix.isDark(x: x, y: y) { expected.insert(y * matrix.width + x) }
        }
        #expect(dark == expected)
    }

    @Test func aStageShowsItsQuestionAndHowManyAnsweredAsTheFacilitatorCounts() throws {
        var session = try PageTestSession()
        try session.run(.join(name: "Ana", department: "marketing"))
        try session.run(.join(name: "Chloe", department: "marketing"))
        try session.run(.goTo(stage: "brakes"))
        try session.run(.rate(who: "Ana", item: "control", value: 1), by: .participant("Ana"))
        var page = session.projector()
        // Ana and Chloe present; Ana has rated one item of three.
        #expect(page.contains("<span class=\"badge answered\">0 of 2 answered</span>"))
        #expect(page.contains("<h2>Wanting to keep control of the message</h2>"))
        #expect(
            page.contains("<footer class=\"strip\">Join: http://192.168.1.20:4712/?code=ABC234 · code ABC234</footer>"))
        for item in ["understanding", "strategy"] {
            try session.run(.rate(who: "Ana", item: item, value: 2), by: .participant("Ana"))
        }
        try session.run(.rate(who: "legal", item: "control", value: 2))
        page = session.projector()
        #expect(page.contains("<span class=\"badge answered\">1 of 2 answered</span>"))
        #expect(session.state.answerProgress == AnswerProgress(stage: "brakes", answered: 1, present: 2))
        #expect(!page.contains("figure class=\"tally\""))
        // In French the verb agrees with those who answered.
        #expect(session.projector(language: "fr").contains("<span class=\"badge answered\">1 sur 2 a répondu</span>"))
        for item in ["control", "understanding", "strategy"] {
            try session.run(.rate(who: "Chloe", item: item, value: 2), by: .participant("Chloe"))
        }
        #expect(
            session.projector(language: "fr").contains("<span class=\"badge answered\">2 sur 2 ont répondu</span>"))
    }

    @Test func aRevealShowsTheTallyPerDepartmentAndForTheCompany() throws {
        var session = try PageTestSession()
        for (name, department, value) in [("Ana", "marketing", 3), ("Bruno", "legal", 1), ("Chloe", "marketing", 4)] {
            try session.run(.join(name: name, department: department))
            if name == "Ana" { try session.run(.goTo(stage: "ignore")) }
            try session.run(.rate(who: name, item: "ignore", value: value), by: .participant(name))
        }
        try session.run(.reveal)
        let page = session.projector()
        func row(_ name: String) throws -> [String] {
            let pattern = try Regex("<tr( class=\"company\")?><th scope=\"row\">\(name)</th>(.*?)</tr>")
            let cells = try #require(page.firstMatch(of: pattern)).output[2].substring ?? ""
            return cells.matches(of: /<span class="count">(\d+)<\/span>|<td class="num">([^<]*)<\/td>/).map {
                String($0.output.1 ?? $0.output.2 ?? "")
            }
        }
        #expect(try row("Marketing") == ["0", "0", "0", "1", "1", "2", "3.5"])
        #expect(try row("Legal") == ["0", "1", "0", "0", "0", "1", "1"])
        #expect(try row("Company") == ["0", "1", "0", "1", "1", "3", "3"])
        #expect(page.contains("<small>Exactly us</small>"))
        let french = session.projector(language: "fr")
        #expect(french.contains("<td class=\"num\">3,5</td>"))
    }

    @Test func theStrategyStageShowsTheSiloMapOnceRevealed() throws {
        var session = try PageTestSession()
        try session.run(.goTo(stage: "strategy"))
        try session.run(.declareStrategy(department: "marketing", text: "One voice"))
        try session.run(.knows(department: "legal", other: "marketing"))
        #expect(!session.projector().contains("chart-silo-map"))
        try session.run(.reveal)
        let page = session.projector()
        #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-silo-map\""))
        #expect(page.contains("<li>Marketing: 1 strategy stated; known by Legal</li>"))
        #expect(page.contains("<li>Legal: 0 strategies stated; known by no other department</li>"))
    }

    @Test func theSiloMapsLegendWrapsBetweenItsPartsWhenTheMapIsNarrow() throws {
        var session = try PageTestSession()
        try session.run(.goTo(stage: "strategy"))
        try session.run(.declareStrategy(department: "marketing", text: "One voice"))
        try session.run(.reveal)
        let page = session.projector(language: "fr")
        // Each part on a line of its own when two do not fit in 80 characters; a longer part wrapped between words.
        #expect(
            page.contains(
                """
                <text x="0" y="170" class="small">plein : stratégie énoncée</text>
                <text x="0" y="185" class="small">anneau rouge : le département dont parle un constat de silo (stratégie non</text>
                <text x="0" y="200" class="small">partagée ou absente, partage supposé, position divergente)</text>
                <text x="0" y="215" class="small">nombre : participants</text>
                """))
    }

    @Test func theEndShowsTheSummaryAtAGlance() throws {
        var session = try PageTestSession()
        try session.run(.join(name: "Ana", department: "marketing"))
        try session.run(.goTo(stage: "ignore"))
        try session.run(.rate(who: "Ana", item: "ignore", value: 3), by: .participant("Ana"))
        try session.run(.end)
        let page = session.projector()
        #expect(page.contains("<h1>At a glance</h1>"))
        #expect(page.contains("<ul class=\"glance\"><li>"))
        #expect(page.contains("id=\"chart-heatmap\""))
        #expect(page.contains("id=\"chart-silo-map\""))
        #expect(!page.contains("Ana"))
    }

    @Test func theSummaryOfAnEnglishSessionIsWordedInFrenchOnAFrenchProjector() throws {
        var session = try PageTestSession()
        try session.run(.join(name: "Ana", department: "marketing"))
        try session.run(.goTo(stage: "ignore"))
        try session.run(.rate(who: "Ana", item: "ignore", value: 3), by: .participant("Ana"))
        try session.run(.end)
        let page = session.projector(language: "fr")
        #expect(page.contains("<h1>En un coup d&#39;œil</h1>") || page.contains("<h1>En un coup d'œil</h1>"))
        #expect(page.contains("pas encore Réactif, car la médiane de « Fuir et fermer les yeux » est 3"))
        #expect(!page.contains("Reactive") && !page.contains("Flee and close"))
    }

    @Test func theProjectorLoadsTheRoomScriptAndItsOwn() throws {
        let session = try PageTestSession()
        let page = ProjectorPage.document(
            ProjectorPageModel(
                room: RoomSnapshot(state: session.state, now: 0), catalog: session.catalogs["en"]!,
                joinURL: "http://h/?code=ABC234", code: "ABC234", qr: nil))
        #expect(page.contains("<script src=\"/app.js\" defer></script>\n<script src=\"/screen.js\" defer></script>"))
        #expect(page.contains("<body class=\"screen\" data-socket=\"/screen/ws\""))
        #expect(!page.contains("style=\""))
    }
}
