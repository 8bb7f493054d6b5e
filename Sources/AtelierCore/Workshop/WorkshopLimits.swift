/// The documented range of every number in a workshop (docs/workshop-format.md).
/// A workshop inside them cannot trap later: scales stay small enough to
/// tabulate, thresholds are finite and on the scale's order, and counts are
/// bounded so that nothing the program does per stage, item or point grows
/// without end.
public enum WorkshopLimits {
    public static let version = 1...1_000_000
    public static let languages = 1...10
    /// The lowest and highest point of any scale.
    public static let scalePoint = -100...100
    /// How many points a scale has (max - min + 1).
    public static let scaleWidth = 2...11
    public static let scales = 0...20
    public static let stages = 1...100
    public static let itemsPerStage = 1...50
    public static let optionsPerStage = 2...30
    public static let levels = 2...10
    public static let conditionsPerLevel = 0...20
    /// `consensus_iqr` and `divergence`, in scale points.
    public static let threshold = 0.0...10.0
    /// `agreement_min`, `tastle_wierman_min` and `stability_min`: shares.
    public static let share = 0.0...1.0
    /// Characters in one text (one language).
    public static let textLength = 1...2000
    /// Characters in a language code.
    public static let languageCode = 1...16

    /// The problem with a count, if it is out of its range.
    static func count(_ value: Int, _ range: ClosedRange<Int>, what: String) -> LocalizedMessage? {
        guard !range.contains(value) else { return nil }
        return LocalizedMessage(
            "workshop.count_out_of_range",
            [
                "what": .text(what), "count": .count(value), "min": .count(range.lowerBound),
                "max": .count(range.upperBound),
            ])
    }

    /// The problem with a whole number, if it is out of its range.
    static func number(_ value: Int, _ range: ClosedRange<Int>, key: String) -> LocalizedMessage? {
        guard !range.contains(value) else { return nil }
        return LocalizedMessage(
            "workshop.number_out_of_range",
            [
                "key": .text(key), "value": .text(String(value)), "min": .count(range.lowerBound),
                "max": .count(range.upperBound),
            ])
    }

    /// The problem with a threshold, if it is not a finite number in its range.
    static func threshold(_ value: Double, key: String) -> LocalizedMessage? {
        guard !(value.isFinite && threshold.contains(value)) else { return nil }
        return LocalizedMessage(
            "workshop.threshold_out_of_range",
            [
                "key": .text(key), "value": .text(shown(value)), "min": .decimal(threshold.lowerBound, digits: 0),
                "max": .decimal(threshold.upperBound, digits: 0),
            ])
    }

    /// The problem with a share, if it is not a finite number from 0 to 1.
    static func share(_ value: Double, key: String) -> LocalizedMessage? {
        guard !(value.isFinite && share.contains(value)) else { return nil }
        return LocalizedMessage(
            "workshop.threshold_out_of_range",
            [
                "key": .text(key), "value": .text(shown(value)), "min": .decimal(share.lowerBound, digits: 0),
                "max": .decimal(share.upperBound, digits: 0),
            ])
    }

    /// The problem with an agreement band: both ends scale points, the first not above the second.
    static func band(low: Int, high: Int) -> LocalizedMessage? {
        if let problem = number(low, scalePoint, key: "agreement_band")
            ?? number(high, scalePoint, key: "agreement_band")
        {
            return problem
        }
        guard low <= high else {
            return LocalizedMessage("workshop.bad_agreement_band", ["low": .count(low), "high": .count(high)])
        }
        return nil
    }

    /// The problems of a `consensus:` block's values, in the file's key order.
    static func criteria(_ criteria: ConsensusCriteria) -> [LocalizedMessage] {
        var problems: [LocalizedMessage] = []
        if let value = criteria.iqrMax, let problem = threshold(value, key: "iqr_max") { problems.append(problem) }
        if let band = criteria.agreementBand, let problem = Self.band(low: band.low, high: band.high) {
            problems.append(problem)
        }
        for (key, value) in [
            ("agreement_min", criteria.agreementMin), ("tastle_wierman_min", criteria.tastleWiermanMin),
            ("stability_min", criteria.stabilityMin),
        ] {
            if let value, let problem = share(value, key: key) { problems.append(problem) }
        }
        if criteria.agreementMin != nil, criteria.agreementBand == nil {
            problems.append(LocalizedMessage("workshop.agreement_needs_band"))
        }
        return problems
    }

    /// A number as written, whatever its size (never formatted through an integer).
    static func shown(_ value: Double) -> String {
        value.isFinite && abs(value) < 1e15 && value == value.rounded() ? String(Int64(value)) : String(value)
    }

    /// The problem with a scale's bounds: each point in range, min < max, a width in range.
    static func scale(min: Int, max: Int) -> LocalizedMessage? {
        if let problem = number(min, scalePoint, key: "min") ?? number(max, scalePoint, key: "max") { return problem }
        guard min < max else {
            return LocalizedMessage("workshop.bad_scale_range", ["min": .count(min), "max": .count(max)])
        }
        guard scaleWidth.contains(max - min + 1) else {
            return LocalizedMessage(
                "workshop.scale_too_wide",
                ["count": .count(max - min + 1), "max": .count(scaleWidth.upperBound)])
        }
        return nil
    }

    /// The problem with one text in one language: empty, too long, or not plain text.
    static func text(_ value: String, context: String, allowingLineBreaks: Bool = true) -> LocalizedMessage? {
        if value.allSatisfy(\.isWhitespace) {
            return LocalizedMessage("workshop.empty_text", ["context": .text(context)])
        }
        if value.count > textLength.upperBound {
            return LocalizedMessage(
                "workshop.text_too_long", ["context": .text(context), "max": .count(textLength.upperBound)])
        }
        if let scalar = PlainText.firstForbidden(in: value, allowingLineBreaks: allowingLineBreaks) {
            return LocalizedMessage(
                "workshop.not_plain_text", ["context": .text(context), "character": .text(PlainText.name(scalar))])
        }
        return nil
    }
}
