/// Plain words for how much a group agrees on an item, one rule for the
/// terminal and every export (docs/analysis.md, "Agreement in words"):
///
/// - no answer: `noAnswer`; one answer: `single` ("a single answer", never
///   "strong agreement": one voice cannot agree with itself);
/// - the IQR within the workshop's threshold (`consensusReached`): `strong`
///   when the Tastle–Wierman consensus is 0.8 or more, else `moderate`
///   ("agreement");
/// - the IQR beyond it: `split` when the consensus is 0.4 or more, else
///   `opposed` ("opposed camps").
///
/// So "agreement" always stands beside a reached IQR and "split" beside one
/// that is not. `init(consensus:)` is the consensus alone, graded with the
/// same cut points (0.8, 0.6, 0.4), for a reader without the IQR.
public enum AgreementReading: String, Sendable, Hashable, CaseIterable {
    case noAnswer = "no_answer"
    case single
    /// IQR reached, consensus 0.8 and above.
    case strong
    /// IQR reached, consensus below 0.8.
    case moderate
    /// IQR not reached, consensus 0.4 and above.
    case split
    /// IQR not reached, consensus below 0.4.
    case opposed

    public init(consensus: Double) {
        switch consensus {
        case 0.8...: self = .strong
        case 0.6..<0.8: self = .moderate
        case 0.4..<0.6: self = .split
        default: self = .opposed
        }
    }

    /// The rule above, for a group's statistics on one item.
    public init(_ stats: ItemStats) {
        guard stats.n > 0, let consensus = stats.consensus, let reached = stats.consensusReached else {
            self = .noAnswer
            return
        }
        if stats.n == 1 {
            self = .single
        } else if reached {
            self = consensus >= 0.8 ? .strong : .moderate
        } else {
            self = consensus >= 0.4 ? .split : .opposed
        }
    }

    public var message: LocalizedMessage { LocalizedMessage("analysis.reading.\(rawValue)") }
}

/// Plain words for Krippendorff's alpha, after Krippendorff (2004, p. 241):
/// rely on α ≥ 0.800, draw tentative conclusions from 0.667 on, not below.
public enum ReliabilityReading: String, Sendable, Hashable, CaseIterable {
    case reliable
    case tentative
    case unreliable
    /// Alpha is undefined: fewer than two pairable answers, or all alike.
    case undefined

    public init(alpha: Double?) {
        switch alpha {
        case nil: self = .undefined
        case let value? where value >= 0.8: self = .reliable
        case let value? where value >= 0.667: self = .tentative
        default: self = .unreliable
        }
    }

    public var message: LocalizedMessage { LocalizedMessage("analysis.alpha.\(rawValue)") }
}
