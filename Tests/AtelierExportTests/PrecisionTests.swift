import AtelierCore
import Foundation
import Testing

/// The machine formats carry every figure at full precision: read back from
/// the JSON summary (with JSONDecoder, which reads numbers exactly), each is
/// exactly the double the analysis computed.
@Suite struct PrecisionTests {
    struct Summary: Decodable {
        struct Company: Decodable {
            let ratings: [String: Stats]
            let alpha: Double?

            enum CodingKeys: String, CodingKey {
                case ratings
                case alpha = "krippendorff_alpha_ordinal"
            }
        }
        struct Stats: Decodable {
            let mean: Double?
            let consensus: Double?
            let q1: Double?
        }
        let company: Company
    }

    @Test func theJSONSummaryReadsBackToTheAnalysisFigures() throws {
        let state = try Demo.bundledState()
        let analysis = Analysis.of(state, language: "en")
        let text = try Demo.text(state, .json, language: "en")
        let summary = try JSONDecoder().decode(Summary.self, from: Data(text.utf8))
        var compared = 0
        for (item, stats) in analysis.company.ratings {
            let json = try #require(summary.company.ratings[item])
            for (read, value) in [(json.mean, stats.mean), (json.consensus, stats.consensus), (json.q1, stats.q1)] {
                #expect(read == value, "\(item)")
                if value != nil { compared += 1 }
            }
        }
        #expect(compared >= 20)
        #expect(summary.company.alpha == analysis.company.alphaOrdinal)
        #expect(summary.company.alpha == -0.00693411896745233)
    }
}
