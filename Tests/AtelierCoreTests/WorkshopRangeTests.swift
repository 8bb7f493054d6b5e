import AtelierCore
import AtelierTestFixtures
import Testing

/// Numbers out of their documented range and texts that are not plain are
/// refused by `validate` with their position, and by `WorkshopRules` on a
/// definition from anywhere else: nothing that validates can trap later.
@Suite struct WorkshopRangeTests {
    let english: Catalog
    init() throws { english = try Fixtures.catalog("en") }

    func problems(_ text: String) -> [String] {
        let result = WorkshopParser.parse(text)
        #expect(result.workshop == nil)
        return result.problems.map { "\($0.position): \(english.render($0.message))" }
    }

    func mini(_ old: String, _ new: String) -> String {
        WorkshopProblemTests.mini.replacingFirst(old, with: new)
    }

    /// Was a crash: the bound was formatted through an integer.
    @Test func aHugeBoundIsOffTheScaleNotACrash() {
        #expect(
            problems(mini("at_least: 2", "at_most: 99999999999999999999999")) == [
                "37:20: 1e+23 is off the scale of item \"a\", which goes from 0 to 2"
            ])
        #expect(problems(mini("at_least: 2", "at_least: .nan")) == ["37:21: at_least: a number is expected here"])
    }

    /// Was accepted, then killed the live session at the first `results`.
    @Test func aThresholdOutOfRangeIsRefused() {
        let text = mini("maturity:", "analysis: { consensus_iqr: 1e300, divergence: -1 }\nmaturity:")
        #expect(
            problems(text) == [
                "27:28: consensus_iqr: 1e+300 is out of range; a number from 0 to 10 is expected",
                "27:47: divergence: -1 is out of range; a number from 0 to 10 is expected",
            ])
    }

    /// Was 11.8 GB of memory and one line per missing label.
    @Test func aHugeScaleIsOneProblem() {
        #expect(
            problems(mini("max: 2", "max: 9223372036854775807")) == [
                "6:5: max: 9223372036854775807 is out of range; a whole number from -100 to 100 is expected",
                "16:12: unknown scale \"s\"; defined: none",
            ])
        #expect(
            problems(mini("max: 2", "max: 1000000")) == [
                "6:5: max: 1000000 is out of range; a whole number from -100 to 100 is expected",
                "16:12: unknown scale \"s\"; defined: none",
            ])
        #expect(
            problems(mini("min: 0", "min: -20")) == [
                "6:5: this scale has 23 points; a scale has at most 11", "16:12: unknown scale \"s\"; defined: none",
            ])
    }

    @Test func versionZeroIsRefused() {
        #expect(
            problems(mini("version: 1", "version: 0")) == [
                "2:10: version: 0 is out of range; a whole number from 1 to 1000000 is expected"
            ])
    }

    @Test func languagesAreCodesListedOnce() {
        #expect(
            problems(mini("languages: [fr, en]", "languages: [fr, en, fr]")) == [
                "3:21: language \"fr\" is listed twice"
            ])
    }

    /// Was passed to terminals, exports and participants as it was.
    @Test func escapeSequencesAndInvisibleCharactersAreRefused() {
        #expect(
            problems(mini(#"title: { fr: "Mini", en: "Mini" }"#, #"title: { fr: "Mini", en: "Mi\e]0;pwned\u0007ni" }"#))
                == ["4:26: title: the text holds \\x1b, a control or invisible character; write plain text"])
        #expect(
            problems(mini(#"label: { fr: "A", en: "A" }"#, #"label: { fr: "A", en: "\u200FA" }"#)) == [
                "20:31: label: the text holds \\u{200F}, a control or invisible character; write plain text"
            ])
        #expect(
            problems(mini(#"label: { fr: "B", en: "B" }"#, #"label: { fr: "B\u2028", en: "B" }"#)) == [
                "22:22: label: the text holds \\u{2028}, a control or invisible character; write plain text"
            ])
        // A line break is fine in a description, not in a title.
        #expect(
            problems(mini(#"title: { fr: "Mini", en: "Mini" }"#, #"title: { fr: "Mi\nni", en: "Mini" }"#)) == [
                "4:14: title: the text holds \\x0a, a control or invisible character; write plain text"
            ])
        let description = mini(#"description: { fr: "Bas", en: "Low" }"#, #"description: { fr: "B\nas", en: "Low" }"#)
        #expect(WorkshopParser.parse(description).problems == [])
    }

    @Test func plainTextKeepsJoinersBetweenVisibleCharactersOnly() {
        #expect(PlainText.isPlain("👩\u{200D}💻"))
        #expect(!PlainText.isPlain("a\u{200D}"))
        #expect(!PlainText.isPlain("\u{200B}"))
        #expect(PlainText.escaped("rm\u{1B}[2J\u{200F}x") == "rm\\x1b[2J\\u{200F}x")
        #expect(!PlainText.showsSomething("\u{2800}\u{3164} "))
    }

    // MARK: - The same rules on a value (a recording's or a store's definition)

    func rules(_ change: (inout Forged) -> Void) throws -> [String] {
        var forged = Forged(try Fixtures.workshop("coping-patterns"))
        change(&forged)
        return WorkshopRules.problems(in: forged.workshop).map(english.render)
    }

    @Test func theShippedWorkshopsFollowTheRules() throws {
        for id in ["coping-patterns", "barriers", "readiness", "sme-pitfalls"] {
            #expect(WorkshopRules.problems(in: try Fixtures.workshop(id)) == [])
        }
    }

    @Test func aForgedDefinitionIsRefusedByTheRules() throws {
        #expect(
            try rules { $0.scale(min: 4, max: 1) } == ["a scale needs min < max (here min 4, max 1)"])
        #expect(
            try rules { $0.scale(min: 1, max: 4) } == [
                "scale \"describes\" has 5 labels for 4 points; give one label per point"
            ])
        #expect(
            try rules { $0.analysis = AnalysisSettings(consensusIQR: 1e300, divergence: .nan) } == [
                "consensus_iqr: 1e+300 is out of range; a number from 0 to 10 is expected",
                "divergence: nan is out of range; a number from 0 to 10 is expected",
            ])
        #expect(
            try rules { $0.version = 0 }.first
                == "version: 0 is out of range; a whole number from 1 to 1000000 is expected")
        #expect(try rules { $0.stages.append($0.stages[0]) } == ["stage \"intro\" is defined twice"])
        #expect(
            try rules { $0.title = LocalizedText(["fr": "Titre\u{1B}[31m", "en": "Title"]) } == [
                "title: the text holds \\x1b, a control or invisible character; write plain text"
            ])
    }
}

/// A workshop value to break one field at a time, as a forged recording would.
struct Forged {
    var id: String
    var version: Int
    var languages: [String]
    var title: LocalizedText
    var intro: LocalizedText
    var scales: [Scale]
    var stages: [Stage]
    var analysis: AnalysisSettings
    var maturity: MaturityModel
    var recommendations: [String: LocalizedText]

    init(_ workshop: Workshop) {
        id = workshop.id
        version = workshop.version
        languages = workshop.languages
        title = workshop.title
        intro = workshop.intro
        scales = workshop.scales
        stages = workshop.stages
        analysis = workshop.analysis
        maturity = workshop.maturity
        recommendations = workshop.recommendations
    }

    var workshop: Workshop {
        Workshop(
            id: id, version: version, languages: languages, title: title, intro: intro, scales: scales,
            stages: stages, analysis: analysis, maturity: maturity, recommendations: recommendations)
    }

    /// The first scale with other bounds, keeping its labels.
    mutating func scale(min: Int, max: Int) {
        let scale = scales[0]
        scales[0] = Scale(id: scale.id, min: min, max: max, labels: scale.labels)
    }
}
