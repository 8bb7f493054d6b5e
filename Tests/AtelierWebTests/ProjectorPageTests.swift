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

    @Test func aRevealOfThreeItemsSetsThemSideBySideInOneTable() throws {
        var session = try PageTestSession()
        for (name, department) in [("Ana", "marketing"), ("Chloe", "marketing"), ("Bruno", "legal")] {
            try session.run(.join(name: name, department: department))
        }
        try session.run(.goTo(stage: "brakes"))
        for (name, values) in [("Ana", [1, 4, 0]), ("Chloe", [1, 3, 0]), ("Bruno", [2, 2, 2])] {
            for (item, value) in zip(["control", "understanding", "strategy"], values) {
                try session.run(.rate(who: name, item: item, value: value), by: .participant(name))
            }
        }
        try session.run(.reveal)
        let page = session.projector()
        #expect(
            page.contains(
                "<th scope=\"colgroup\" colspan=\"7\" class=\"item\">Wanting to keep control of the message</th>"))
        // A count's cell is shaded by its share of the row: 2 of 2 (share-4), 1 of 2 (share-3), 1 of 3 (share-2).
        func cells(_ item: String, _ counts: [(Int, String)], n: Int, median: String) -> String {
            counts.enumerated().map { index, cell in
                "<td class=\"\(index == 0 ? "first " : "")\(cell.1)\" data-item=\"\(item)\">\(cell.0)</td>"
            }.joined() + "<td class=\"num\" data-item=\"\(item)\">\(n)</td>"
                + "<td class=\"num\" data-item=\"\(item)\">\(median)</td>"
        }
        let zero = (0, "cell zero")
        var marketing: String = "<tr><th scope=\"row\">Marketing</th>"
        marketing += cells("control", [zero, (2, "cell share-4"), zero, zero, zero], n: 2, median: "1")
        marketing += cells(
            "understanding", [zero, zero, zero, (1, "cell share-3"), (1, "cell share-3")], n: 2, median: "3.5")
        marketing += cells("strategy", [(2, "cell share-4"), zero, zero, zero, zero], n: 2, median: "0") + "</tr>"
        #expect(page.contains(marketing))
        var company: String = "<tr class=\"company\"><th scope=\"row\">Company</th>"
        company += cells("control", [zero, (2, "cell share-3"), (1, "cell share-2"), zero, zero], n: 3, median: "1")
        #expect(page.contains(company))
    }

    @Test func theStrategyStageShowsTheSiloMapAsATableOnceRevealed() throws {
        var session = try PageTestSession()
        try session.run(.goTo(stage: "strategy"))
        try session.run(.declareStrategy(department: "marketing", text: "One voice"))
        try session.run(.knows(department: "legal", other: "marketing"))
        try session.run(.shares(department: "marketing", other: "legal"))
        #expect(!session.projector().contains("table class=\"silos\""))
        try session.run(.reveal)
        let table = """
            <figure class="silo-map"><figcaption>Silo map</figcaption><table class="silos"><thead><tr>\
            <th scope="col"></th><th scope="col">Strategies stated</th><th scope="col">knows the strategy of</th>\
            <th scope="col">believes it shares its strategy with</th></tr></thead><tbody>\
            <tr><th scope="row">Marketing</th><td class="num">1</td><td class="none">–</td><td>Legal</td></tr>\
            <tr><th scope="row">Legal</th><td class="num none">0</td><td>Marketing</td><td class="none">–</td></tr>\
            </tbody></table></figure>
            """
        #expect(session.projector().contains(table))
        let french = """
            <th scope="col">Stratégies énoncées</th><th scope="col">connaît la stratégie de</th>\
            <th scope="col">croit partager sa stratégie avec</th>
            """
        #expect(session.projector(language: "fr").contains(french))
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
        // The heatmap as a table: Marketing's median 3 on a 1–4 scale is the fourth of five shades.
        #expect(
            page.contains(
                "<tr><th scope=\"row\">Marketing</th><td class=\"shade-3\">3</td><td class=\"empty\">–</td>"))
        #expect(!page.contains("<svg"))
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
