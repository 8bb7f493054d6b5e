import Yams

/// A small reader over a composed YAML tree that records problems with their
/// position instead of stopping at the first one, so `atelier validate` can
/// report every problem of a file at once.
struct YAMLReader {
    private(set) var problems: [FileProblem] = []

    mutating func report(_ node: Node?, _ key: String, _ args: [String: MessageValue] = [:]) {
        problems.append(FileProblem(Self.position(of: node), LocalizedMessage(key, args)))
    }

    mutating func report(_ node: Node?, _ problem: LocalizedMessage) {
        problems.append(FileProblem(Self.position(of: node), problem))
    }

    mutating func report(at position: SourcePosition, _ key: String, _ args: [String: MessageValue] = [:]) {
        problems.append(FileProblem(position, LocalizedMessage(key, args)))
    }

    static func position(of node: Node?) -> SourcePosition {
        guard let mark = node?.mark else { return .start }
        return SourcePosition(line: mark.line, column: mark.column)
    }

    /// Parses text into a single YAML node, or reports the syntax error.
    /// `resolver`: how plain scalars get their types; a reader that takes
    /// every scalar as text passes `.basic`, which spares a regular
    /// expression per scalar (most of a locale file's reading time).
    mutating func compose(_ text: String, resolver: Resolver = .default) -> Node? {
        do {
            guard let node = try Yams.compose(yaml: text, resolver) else {
                report(at: .start, "file.empty")
                return nil
            }
            return node
        } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
            let position = SourcePosition(line: context.mark.line, column: context.mark.column)
            report(at: position, "file.duplicate_key", ["keys": .list(duplicates.sorted())])
            return nil
        } catch let error as YamlError {
            let (position, problem) = Self.describe(error)
            report(at: position, "file.yaml_syntax", ["problem": .text(problem)])
            return nil
        } catch {
            report(at: .start, "file.yaml_syntax", ["problem": .text(String(describing: error))])
            return nil
        }
    }

    private static func describe(_ error: YamlError) -> (SourcePosition, String) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let text = context.map { "\(problem) \($0.text)" } ?? problem
            return (SourcePosition(line: mark.line, column: mark.column), text)
        case .reader(let problem, _, _, _):
            return (.start, problem)
        default:
            return (.start, String(describing: error))
        }
    }

    /// The mapping's pairs keyed by their string key, reporting a non-mapping node.
    mutating func mapping(_ node: Node?, context: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard let node else { return nil }
        guard let mapping = node.mapping else {
            report(node, "file.expected_mapping", ["context": .text(context)])
            return nil
        }
        return mapping.map { pair in (pair.key.string ?? "", pair.key, pair.value) }
    }

    mutating func sequence(_ node: Node?, context: String) -> [Node]? {
        guard let node else { return nil }
        guard let sequence = node.sequence else {
            report(node, "file.expected_list", ["context": .text(context)])
            return nil
        }
        return Array(sequence)
    }

    mutating func string(_ node: Node?, context: String) -> String? {
        guard let node else { return nil }
        guard let scalar = node.scalar else {
            report(node, "file.expected_text", ["context": .text(context)])
            return nil
        }
        return scalar.string
    }

    mutating func int(_ node: Node?, context: String) -> Int? {
        guard let node else { return nil }
        guard let value = node.int else {
            report(node, "file.expected_integer", ["context": .text(context)])
            return nil
        }
        return value
    }

    mutating func double(_ node: Node?, context: String) -> Double? {
        guard let node else { return nil }
        guard let value = node.float ?? node.int.map(Double.init) else {
            report(node, "file.expected_number", ["context": .text(context)])
            return nil
        }
        return value
    }

    /// Reports keys that are not among the accepted ones.
    mutating func rejectUnknownKeys(
        _ pairs: [(key: String, keyNode: Node, value: Node)], allowed: [String], context: String
    ) {
        for pair in pairs where !allowed.contains(pair.key) {
            report(
                pair.keyNode, "file.unknown_key",
                ["key": .text(pair.key), "context": .text(context), "accepted": .list(allowed)])
        }
    }
}

extension Array where Element == (key: String, keyNode: Node, value: Node) {
    func value(_ key: String) -> Node? { first { $0.key == key }?.value }
}
