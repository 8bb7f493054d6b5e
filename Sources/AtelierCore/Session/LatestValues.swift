/// The last rating of each rater, kept beside the history so that the
/// analysis reads it as one array per item instead of one dictionary lookup
/// and one small array per answer (docs/performance.md, Analysis).
extension SessionState {
    /// The value of `latestValues` for a rater who has not rated the item.
    public static let noAnswer = Int.min

    /// Sets the rater's entry of `latestValues[item]` to the last value of
    /// their rating history in the current round of the item's stage (after
    /// undoing a rating or a round's start).
    mutating func updateLatestValue(item: String, rater: Rater) {
        let round = workshop.stage(holdingItem: item).map { self.round(of: $0.id) } ?? 1
        let last = ratings[item]?[rater]?.last { $0.round == round }
        setLatestValue(last?.value ?? Self.noAnswer, item: item, rater: rater)
    }

    /// Sets the rater's entry of `latestValues[item]` (after a rating), in
    /// place: a fold of a long session does this once per rating.
    mutating func setLatestValue(_ value: Int, item: String, rater: Rater) {
        let number: Int
        if let known = raterNumbers[rater] {
            number = known
        } else {
            number = raterOrder.count
            raterOrder.append(rater)
            raterNumbers[rater] = number
        }
        latestValues[item, default: []].set(value, at: number, padding: Self.noAnswer)
    }
}

extension Array {
    /// Sets the element at `index`, first growing the array with `padding`
    /// when it is too short.
    fileprivate mutating func set(_ value: Element, at index: Int, padding: Element) {
        if count <= index { append(contentsOf: repeatElement(padding, count: index + 1 - count)) }
        self[index] = value
    }
}
