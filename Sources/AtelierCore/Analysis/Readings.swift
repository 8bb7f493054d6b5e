/// Plain words for a Tastle–Wierman consensus, for a room to read.
/// The cut points are this tool's convention (docs/analysis.md): on a
/// five-point scale, answers spread over two neighbouring points give about
/// 0.81, spread evenly over all five about 0.43, split between the two ends 0.
public enum AgreementReading: String, Sendable, Hashable, CaseIterable {
    /// 0.8 and above.
    case strong
    /// 0.6 up to 0.8.
    case moderate
    /// 0.4 up to 0.6.
    case split
    /// Below 0.4.
    case opposed

    public init(consensus: Double) {
        switch consensus {
        case 0.8...: self = .strong
        case 0.6..<0.8: self = .moderate
        case 0.4..<0.6: self = .split
        default: self = .opposed
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
