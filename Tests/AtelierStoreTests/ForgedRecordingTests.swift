import AtelierCore
import AtelierStore
import Foundation
import Testing

/// Recordings forged to break the program: a definition in the header that
/// breaks a workshop file's rules, or lines too long to read. Each is
/// refused at its line with one sentence, and nothing is imported.
@Suite struct ForgedRecordingTests {
    let bad = BadRecordingTests()

    /// The scripted recording with its header's workshop changed by `change`.
    func forged(_ change: (inout [String: Any]) -> Void) async throws -> String {
        var lines = try await BadRecordingTests.lines()
        var header = try #require(
            try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        var workshop = try #require(header["workshop"] as? [String: Any])
        change(&workshop)
        header["workshop"] = workshop
        if let version = workshop["version"] as? Int { header["workshop_version"] = version }
        lines[0] = String(decoding: try JSONSerialization.data(withJSONObject: header), as: UTF8.self)
        return lines.joined(separator: "\n") + "\n"
    }

    static let prefix = "F:1: the workshop held in the header breaks the rules of a workshop file: "

    /// Was a crash of the import (a trap in Decide.swift).
    @Test func aScaleUpsideDown() async throws {
        let text = try await forged { workshop in
            var scales = workshop["scales"] as! [[String: Any]]
            scales[0]["min"] = 4
            scales[0]["max"] = 1
            workshop["scales"] = scales
        }
        #expect(try bad.importFailure(text) == Self.prefix + "a scale needs min < max (here min 4, max 1)")
    }

    /// Was imported, then export and replay crashed.
    @Test func aLabelMissingAndAHugeThreshold() async throws {
        let labels = try await forged { workshop in
            var scales = workshop["scales"] as! [[String: Any]]
            scales[0]["labels"] = Array((scales[0]["labels"] as! [Any]).dropLast())
            workshop["scales"] = scales
        }
        #expect(
            try bad.importFailure(labels)
                == Self.prefix + "scale \"describes\" has 4 labels for 5 points; give one label per point")
        let threshold = try await forged { $0["analysis"] = ["consensusIQR": 1e300, "divergence": 1] }
        #expect(
            try bad.importFailure(threshold)
                == Self.prefix + "consensus_iqr: 1e+300 is out of range; a number from 0 to 10 is expected")
    }

    /// Were accepted.
    @Test func duplicateStagesNegativeValuesAndVersionZero() async throws {
        let duplicate = try await forged { workshop in
            let stages = workshop["stages"] as! [Any]
            workshop["stages"] = stages + [stages[0]]
        }
        #expect(try bad.importFailure(duplicate) == Self.prefix + "stage \"intro\" is defined twice")
        let version = try await forged { $0["version"] = 0 }
        #expect(
            try bad.importFailure(version)
                == Self.prefix + "version: 0 is out of range; a whole number from 1 to 1000000 is expected")
        let negative = try await forged { $0["analysis"] = ["consensusIQR": 1, "divergence": -2] }
        #expect(
            try bad.importFailure(negative)
                == Self.prefix + "divergence: -2 is out of range; a number from 0 to 10 is expected")
    }

    /// Was delivered to terminals as it was, by replay, exports and the network.
    @Test func anEscapeSequenceInATitle() async throws {
        let text = try await forged { $0["title"] = ["fr": "Atelier\u{1B}]0;x\u{07}", "en": "Workshop"] }
        #expect(
            try bad.importFailure(text)
                == Self.prefix + "title: the text holds \\x1b, a control or invisible character; write plain text")
    }

    /// Was read whole (442 MB for a 200 MB line): the reading stops past the limit.
    @Test func linesTooLong() async throws {
        let lines = try await BadRecordingTests.lines()
        let header = "{\"format\":\"" + String(repeating: "x", count: 1 << 20) + "\"}\n"
        #expect(
            try bad.importFailure(header)
                == "F:1: the header line is longer than 1024 KB: this is not a recording atelier wrote")
        let event = lines[0] + "\n" + "{\"seq\":1,\"text\":\"" + String(repeating: "y", count: 64 << 10) + "\"}\n"
        #expect(try bad.importFailure(event) == "F:2: this line is longer than 64 KB: no event is that long")
    }
}
