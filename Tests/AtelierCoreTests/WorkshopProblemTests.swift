import AtelierCore
import AtelierTestFixtures
import Foundation
import Testing

/// Broken workshop files: each problem is reported at its exact line and
/// column with its exact English sentence.
@Suite struct WorkshopProblemTests {
    /// A small valid workshop; each test breaks one line of it. Line numbers:
    /// 4 title, 10–12 scale labels, 14 stage rate, 16 its scale, 17 its title,
    /// 19/21 items a/b, 23 stage choose, 24 its kind, 26 its options, 36 the rule.
    static let mini = """
        id: mini
        version: 1
        languages: [fr, en]
        title: { fr: "Mini", en: "Mini" }
        scales:
          - id: s
            min: 0
            max: 2
            labels:
              0: { fr: "non", en: "no" }
              1: { fr: "un peu", en: "a little" }
              2: { fr: "oui", en: "yes" }
        stages:
          - id: rate
            kind: rating
            scale: s
            title: { fr: "Noter", en: "Rate" }
            items:
              - id: a
                label: { fr: "A", en: "A" }
              - id: b
                label: { fr: "B", en: "B" }
          - id: choose
            kind: pick
            title: { fr: "Choisir", en: "Choose" }
            options: [a, b]
        maturity:
          levels:
            - id: low
              label: { fr: "Bas", en: "Low" }
              description: { fr: "Bas", en: "Low" }
            - id: high
              label: { fr: "Haut", en: "High" }
              description: { fr: "Haut", en: "High" }
              when:
                - item: a
                  at_least: 2

        """

    let english: Catalog
    init() throws { english = try Fixtures.catalog("en") }

    /// The mini workshop with line `line` (1-based) replaced by `replacement`
    /// (which may hold several lines, or none to delete the line).
    static func broken(line: Int, with replacement: String?) -> String {
        var lines = mini.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let replacement {
            lines[line - 1] = replacement
        } else {
            lines.remove(at: line - 1)
        }
        return lines.joined(separator: "\n")
    }

    func problems(_ text: String) -> [String] {
        let result = WorkshopParser.parse(text)
        #expect(result.workshop == nil || result.problems.isEmpty)
        return result.problems.map { "\($0.position): \(english.render($0.message))" }
    }

    @Test func theMiniWorkshopIsValid() {
        let result = WorkshopParser.parse(Self.mini)
        #expect(result.problems.isEmpty)
        #expect(result.workshop?.stages.map(\.id) == ["rate", "choose"])
        #expect(result.workshop?.stage("choose")?.options.map(\.id) == ["a", "b"])
    }

    @Test func yamlSyntaxError() {
        let text = Self.broken(line: 4, with: #"title: { fr: "Mini", en: "Mini""#)
        #expect(
            problems(text) == [
                "5:1: YAML syntax error: did not find expected ',' or '}' while parsing a flow mapping"
            ])
    }

    @Test func unknownStageKind() {
        #expect(
            problems(Self.broken(line: 24, with: "    kind: vote")) == [
                "24:11: unknown stage kind \"vote\"; accepted: intro, rating, pick, strategy, discussion"
            ])
    }

    @Test func duplicateStageID() {
        #expect(problems(Self.broken(line: 23, with: "  - id: rate")) == ["23:9: stage \"rate\" is defined twice"])
    }

    @Test func duplicateItemID() {
        #expect(
            problems(
                Self.broken(line: 21, with: "      - id: a").replacingFirst(
                    "options: [a, b]", with: #"options: [a, { id: c, label: { fr: "C", en: "C" } }]"#)) == [
                    "21:13: item \"a\" is defined twice (item ids are unique in a workshop)"
                ])
    }

    @Test func textMissingInALanguage() {
        #expect(
            problems(Self.broken(line: 17, with: #"    title: { fr: "Noter" }"#)) == [
                "17:12: title: the text is missing in \"en\""
            ])
    }

    @Test func scalePointWithoutLabel() {
        #expect(problems(Self.broken(line: 11, with: nil)) == ["10:7: point 1 of scale \"s\" has no label"])
    }

    @Test func pickOptionNotDefined() {
        #expect(
            problems(Self.broken(line: 26, with: "    options: [a, z]")) == [
                "26:18: option \"z\" is not defined: name a rating item (a, b) or give id and label"
            ])
    }

    @Test func maturityRuleNamingAnUnknownItem() {
        #expect(
            problems(Self.broken(line: 36, with: "        - item: c")) == [
                "36:17: the rule names unknown item \"c\"; rating items: a, b"
            ])
    }

    @Test func unknownKeyWithTheAcceptedOnes() {
        let text = Self.broken(line: 16, with: "    scale: s\n    promt: { fr: \"x\", en: \"y\" }")
        #expect(
            problems(text) == [
                "17:5: unknown key \"promt\" in stage; accepted: id, kind, title, prompt, scale, items, options"
            ])
    }

    @Test func unknownScale() {
        #expect(problems(Self.broken(line: 16, with: "    scale: t")) == ["16:12: unknown scale \"t\"; defined: s"])
    }

    @Test func versionMustBeAWholeNumber() {
        #expect(
            problems(Self.broken(line: 2, with: "version: one")) == ["2:10: version: a whole number is expected here"])
    }

    @Test func everyProblemOfAFileIsReportedInOrder() {
        var text = Self.broken(line: 36, with: "        - item: c")
        text = text.replacingFirst("    kind: pick", with: "    kind: vote")
        #expect(
            problems(text) == [
                "24:11: unknown stage kind \"vote\"; accepted: intro, rating, pick, strategy, discussion",
                "36:17: the rule names unknown item \"c\"; rating items: a, b",
            ])
    }

    @Test func maturityRuleNamingAStageThatIsNotAPick() {
        let text = Self.broken(line: 36, with: "        - pick: rate\n          in: [a]")
        #expect(
            problems(text.replacingFirst("          at_least: 2\n", with: "")) == [
                "36:17: the rule names unknown pick stage \"rate\"; pick stages: choose"
            ])
    }

    @Test func anEmptyListOfAcceptedValuesReadsNone() {
        let text = Self.broken(line: 24, with: "    kind: discussion").replacingFirst("    options: [a, b]\n", with: "")
        let rule = text.replacingFirst(
            "        - item: a\n          at_least: 2", with: "        - pick: choose\n          in: [a]")
        #expect(problems(rule) == ["35:17: the rule names unknown pick stage \"choose\"; pick stages: none"])
    }

    @Test func aKeyTwiceInTheSameMapping() {
        #expect(
            problems(Self.broken(line: 17, with: #"    title: { fr: "Noter", en: "Rate", fr: "Noter" }"#)) == [
                "17:14: a key appears twice in the same mapping: fr; keep one"
            ])
    }

    @Test func anOptionTwiceInAPick() {
        #expect(
            problems(Self.broken(line: 26, with: #"    options: [a, { id: b, label: { fr: "B", en: "B" } }, b]"#)) == [
                "26:58: option \"b\" appears twice in this stage"
            ])
    }

    @Test func aPickWithASingleOption() {
        #expect(
            problems(Self.broken(line: 26, with: "    options: [a]")) == [
                "26:14: a pick stage needs at least two options"
            ])
    }

    @Test func aRuleBoundOffTheItemsScale() {
        #expect(
            problems(Self.broken(line: 37, with: "          at_least: 4.5")) == [
                "37:21: 4.5 is off the scale of item \"a\", which goes from 0 to 2"
            ])
    }

    @Test func aLevelAboveTheFloorNeedsConditions() {
        let text = Self.broken(line: 35, with: "      when: []").replacingFirst(
            "        - item: a\n          at_least: 2\n", with: "")
        #expect(problems(text) == ["35:13: maturity level \"high\" needs conditions (when:)"])
    }

    @Test func emptyFile() {
        #expect(problems("") == ["1:1: the file is empty; a workshop or locale file is expected"])
    }
}

extension String {
    /// The text with the first occurrence of `target` replaced (tests only).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
