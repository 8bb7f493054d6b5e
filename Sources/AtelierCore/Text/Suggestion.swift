/// Edit distance between two words, by characters: insertions, deletions,
/// substitutions and swaps of two neighbours (`rtae` is one edit from `rate`).
public enum EditDistance {
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

/// The "did you mean" of every typed id: commands in the REPL, departments,
/// participants, stages, items and options in the REPL and the line protocol.
public enum Suggestion {
    /// The candidate a typed word is most likely a typo of: the closest by
    /// `EditDistance` (ignoring case) within a third of the word's length
    /// (one edit at least, three at most), else the only one it begins.
    /// Each candidate is a spelling and what it stands for (an alias, its command).
    public static func closest(to word: String, amongSpellings candidates: [(spelling: String, meaning: String)])
        -> String?
    {
        let lowered = word.lowercased()
        let scored = candidates.map {
            (meaning: $0.meaning, distance: EditDistance.between(lowered, $0.spelling.lowercased()))
        }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        let tolerance = max(1, min(3, word.count / 3))
        if best.distance <= tolerance { return best.meaning }
        // An unambiguous prefix (`res` for `results`) is a good guess too.
        let prefixed = Set(candidates.filter { $0.spelling.lowercased().hasPrefix(lowered) }.map(\.meaning))
        return lowered.count >= 2 && prefixed.count == 1 ? prefixed.first : nil
    }

    /// The id among `known` that `word` is most likely a typo of.
    public static func closest(to word: String, among known: [String]) -> String? {
        closest(to: word, amongSpellings: known.map { (spelling: $0, meaning: $0) })
    }
}
