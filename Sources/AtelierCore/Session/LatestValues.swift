/// The last rating of each rater, kept beside the history so that the
/// analysis reads it as one array per item instead of one dictionary lookup
/// and one small array per answer (docs/performance.md, Analysis).
extension SessionState {
    /// The value of `latestValues` for a rater who has not rated the item.
    public static let noAnswer = Int.min

    /// Sets the rater's entry of `latestValues[item]` to the last value of
    /// their rating history (after a rating, or after undoing one).
    mutating func updateLatestValue(item: String, rater: Rater) {
        let number: Int
        if let known = raterNumbers[rater] {
            number = known
        } else {
            number = raterOrder.count
            raterOrder.append(rater)
            raterNumbers[rater] = number
        }
        let value = ratings[item]?[rater]?.last?.value ?? Self.noAnswer
        var row = latestValues.removeValue(forKey: item) ?? []
        if row.count <= number { row += Array(repeating: Self.noAnswer, count: number + 1 - row.count) }
        row[number] = value
        latestValues[item] = row
    }
}
