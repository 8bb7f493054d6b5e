/// What the workshop declares consensus to be, before any answer
/// (`consensus:` in the workshop file, docs/workshop-format.md). A session
/// records the criteria in force in its first event (`recorded`), so its
/// summary judges the answers by the criteria fixed before they were given.
public struct ConsensusCriteria: Sendable, Hashable, Codable {
    /// Met when the interquartile range is at most this (scale points).
    public let iqrMax: Double?
    /// The band of scale points whose share of the answers is the percent agreement.
    public let agreementBand: AgreementBand?
    /// Met when the share of answers inside `agreementBand` is at least this (0...1).
    public let agreementMin: Double?
    /// Met when Tastle–Wierman consensus is at least this (0...1).
    public let tastleWiermanMin: Double?
    /// Met when the share of raters who kept their answer since the previous
    /// round is at least this (0...1); judged from round 2 on.
    public let stabilityMin: Double?

    public init(
        iqrMax: Double? = nil, agreementBand: AgreementBand? = nil, agreementMin: Double? = nil,
        tastleWiermanMin: Double? = nil, stabilityMin: Double? = nil
    ) {
        self.iqrMax = iqrMax
        self.agreementBand = agreementBand
        self.agreementMin = agreementMin
        self.tastleWiermanMin = tastleWiermanMin
        self.stabilityMin = stabilityMin
    }

    enum CodingKeys: String, CodingKey {
        case iqrMax = "iqr_max"
        case agreementBand = "agreement_band"
        case agreementMin = "agreement_min"
        case tastleWiermanMin = "tastle_wierman_min"
        case stabilityMin = "stability_min"
    }

    /// The criteria a session of this workshop is judged by: its `consensus:`
    /// block, `iqr_max` defaulting to `analysis.consensus_iqr`; without a
    /// block, that IQR threshold alone.
    public static func inForce(_ workshop: Workshop) -> ConsensusCriteria {
        let declared = workshop.consensus ?? ConsensusCriteria()
        return ConsensusCriteria(
            iqrMax: declared.iqrMax ?? workshop.analysis.consensusIQR, agreementBand: declared.agreementBand,
            agreementMin: declared.agreementMin, tastleWiermanMin: declared.tastleWiermanMin,
            stabilityMin: declared.stabilityMin)
    }

    /// The criteria as the first event records them: `key=value` pairs in a
    /// fixed order, separated by `;`, numbers as Swift prints them, the band
    /// as `low..high`; e.g. `iqr_max=1.0;agreement_band=3..4;agreement_min=0.7`.
    public var recorded: String {
        var parts: [String] = []
        if let iqrMax { parts.append("iqr_max=\(iqrMax)") }
        if let agreementBand { parts.append("agreement_band=\(agreementBand.low)..\(agreementBand.high)") }
        if let agreementMin { parts.append("agreement_min=\(agreementMin)") }
        if let tastleWiermanMin { parts.append("tastle_wierman_min=\(tastleWiermanMin)") }
        if let stabilityMin { parts.append("stability_min=\(stabilityMin)") }
        return parts.joined(separator: ";")
    }

    /// The criteria `recorded` wrote; nil when the text is not such a record.
    public init?(recorded text: String) {
        var values: [String: Substring] = [:]
        for part in text.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, values[String(pair[0])] == nil else { return nil }
            values[String(pair[0])] = pair[1]
        }
        let known: Set<String> = ["iqr_max", "agreement_band", "agreement_min", "tastle_wierman_min", "stability_min"]
        guard Set(values.keys).isSubset(of: known) else { return nil }
        func number(_ key: String) -> Double?? {
            guard let value = values[key] else { return .some(nil) }
            guard let number = Double(value), number.isFinite else { return nil }
            return .some(number)
        }
        guard let iqr = number("iqr_max"), let agreement = number("agreement_min"),
            let tastle = number("tastle_wierman_min"), let stability = number("stability_min")
        else { return nil }
        var band: AgreementBand?
        if let value = values["agreement_band"] {
            let ends = value.split(separator: ".", omittingEmptySubsequences: true)
            guard value.contains(".."), ends.count == 2, let low = Int(ends[0]), let high = Int(ends[1]), low <= high
            else { return nil }
            band = AgreementBand(low: low, high: high)
        }
        self.init(
            iqrMax: iqr, agreementBand: band, agreementMin: agreement, tastleWiermanMin: tastle,
            stabilityMin: stability)
    }
}

extension ConsensusCriteria {
    /// `IQR ≤ 1, agreement in [3, 4] ≥ 0.7, ...` in the catalog's language
    /// (`rounds.criterion.*`), numbers as `number` writes them.
    public func described(_ catalog: Catalog, number: (Double) -> String) -> String {
        var parts: [String] = []
        if let iqrMax { parts.append(catalog.text("analysis.rounds.criterion.iqr", ["value": .text(number(iqrMax))])) }
        if let agreementBand {
            let args: [String: MessageValue] = [
                "low": .count(agreementBand.low), "high": .count(agreementBand.high),
                "value": .text(agreementMin.map(number) ?? "–"),
            ]
            parts.append(catalog.text("analysis.rounds.criterion.agreement", args))
        }
        if let tastleWiermanMin {
            parts.append(
                catalog.text("analysis.rounds.criterion.tastle_wierman", ["value": .text(number(tastleWiermanMin))]))
        }
        if let stabilityMin {
            parts.append(catalog.text("analysis.rounds.criterion.stability", ["value": .text(number(stabilityMin))]))
        }
        return catalog.list(parts)
    }
}

/// The scale points `low...high` counted as agreement.
public struct AgreementBand: Sendable, Hashable, Codable {
    public let low: Int
    public let high: Int

    public init(low: Int, high: Int) {
        self.low = low
        self.high = high
    }

    public func contains(_ value: Int) -> Bool { value >= low && value <= high }
}
