/// A legend such as `0 Not us at all · 1 A little like us · ...`, wrapped
/// between its entries so that no entry is cut across two lines.
public enum Legend {
    public static func lines(_ entries: [String], width: Int, indent: Int = 2) -> [String] {
        let lead = String(repeating: " ", count: indent)
        var out: [String] = []
        var line = ""
        for entry in entries {
            let candidate = line.isEmpty ? lead + entry : line + " · " + entry
            if candidate.count <= width || line.isEmpty {
                line = candidate
            } else {
                out.append(line)
                line = lead + entry
            }
        }
        if !line.isEmpty { out.append(line) }
        return out.flatMap { $0.count > width ? AnalysisLayout.wrap($0, width: width, indent: indent) : [$0] }
    }
}
