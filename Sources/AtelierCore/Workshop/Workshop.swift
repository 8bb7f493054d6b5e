/// A workshop definition: the stages a room goes through, the scales its
/// ratings use, and the maturity model that reads the answers.
public struct Workshop: Sendable, Hashable, Codable {
    public let id: String
    public let version: Int
    public let languages: [String]
    public let title: LocalizedText
    public let intro: LocalizedText
    public let scales: [Scale]
    public let stages: [Stage]
    public let analysis: AnalysisSettings
    public let maturity: MaturityModel
    /// Advice per silo finding kind (`unshared_strategy`, ...).
    public let recommendations: [String: LocalizedText]
    /// The consensus criteria the file declares (`consensus:`); nil when it declares none.
    public let consensus: ConsensusCriteria?

    public init(
        id: String, version: Int, languages: [String], title: LocalizedText, intro: LocalizedText,
        scales: [Scale], stages: [Stage], analysis: AnalysisSettings, maturity: MaturityModel,
        recommendations: [String: LocalizedText], consensus: ConsensusCriteria? = nil
    ) {
        self.id = id
        self.version = version
        self.languages = languages
        self.title = title
        self.intro = intro
        self.scales = scales
        self.stages = stages
        self.analysis = analysis
        self.maturity = maturity
        self.recommendations = recommendations
        self.consensus = consensus
    }

    public func stage(_ id: String) -> Stage? { stages.first { $0.id == id } }
    public func scale(_ id: String) -> Scale? { scales.first { $0.id == id } }
    public func stageIndex(_ id: String) -> Int? { stages.firstIndex { $0.id == id } }

    /// Every rating item of the workshop, in stage order, with its stage.
    public var ratingItems: [(stage: Stage, item: Item)] {
        stages.filter { $0.kind == .rating }.flatMap { stage in stage.items.map { (stage, $0) } }
    }

    /// The stage holding a rating item (item ids are unique in a workshop).
    public func stage(holdingItem item: String) -> Stage? {
        stages.first { $0.kind == .rating && $0.items.contains { $0.id == item } }
    }

    public func scale(of stage: Stage) -> Scale? {
        stage.scale.flatMap { scale($0) }
    }
}

public struct Scale: Sendable, Hashable, Codable {
    public let id: String
    public let min: Int
    public let max: Int
    /// One label per point, from `min` to `max`.
    public let labels: [LocalizedText]

    public init(id: String, min: Int, max: Int, labels: [LocalizedText]) {
        self.id = id
        self.min = min
        self.max = max
        self.labels = labels
    }

    public var points: ClosedRange<Int> { min...max }
    public func label(_ value: Int) -> LocalizedText? {
        points.contains(value) ? labels[value - min] : nil
    }
}

public enum StageKind: String, Sendable, Hashable, Codable, CaseIterable {
    case intro, rating, pick, strategy, discussion
}

public struct Stage: Sendable, Hashable, Codable {
    public let id: String
    public let kind: StageKind
    public let title: LocalizedText
    public let prompt: LocalizedText
    /// The scale of a `rating` stage.
    public let scale: String?
    public let items: [Item]
    public let options: [Option]

    public init(
        id: String, kind: StageKind, title: LocalizedText, prompt: LocalizedText, scale: String?,
        items: [Item], options: [Option]
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.prompt = prompt
        self.scale = scale
        self.items = items
        self.options = options
    }

    public func item(_ id: String) -> Item? { items.first { $0.id == id } }
    public func option(_ id: String) -> Option? { options.first { $0.id == id } }
}

/// A rating item: what a department rates on the stage's scale.
public struct Item: Sendable, Hashable, Codable {
    public let id: String
    public let label: LocalizedText
    public let description: LocalizedText?
    /// A sentence a department in this situation might say.
    public let example: LocalizedText?

    public init(id: String, label: LocalizedText, description: LocalizedText?, example: LocalizedText?) {
        self.id = id
        self.label = label
        self.description = description
        self.example = example
    }
}

/// An option of a `pick` stage.
public struct Option: Sendable, Hashable, Codable {
    public let id: String
    public let label: LocalizedText

    public init(id: String, label: LocalizedText) {
        self.id = id
        self.label = label
    }
}

/// Thresholds the analysis reads from the workshop file.
public struct AnalysisSettings: Sendable, Hashable, Codable {
    /// Consensus is reached on an item when its interquartile range is at most this.
    public let consensusIQR: Double
    /// A department's profile is far from the company's when the mean absolute
    /// difference of its item medians exceeds this (in scale points).
    public let divergence: Double

    public init(consensusIQR: Double = 1, divergence: Double = 1) {
        self.consensusIQR = consensusIQR
        self.divergence = divergence
    }
}
