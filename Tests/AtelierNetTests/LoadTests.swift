import AtelierCore
import AtelierLive
import AtelierNet
import Testing

@Suite("Load", .timeLimit(.minutes(2)))
struct LoadTests {
    @Test func twoHundredParticipantsAnswerEveryRatingItemAndEachAnswerIsStoredOnce() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let count = 200
        let clients = try await withThrowingTaskGroup(of: (Int, TestClient).self) { group in
            for index in 0..<count {
                group.addTask {
                    let department = index % 2 == 0 ? "marketing" : "legal"
                    return (index, try await room.joined("p\(index)", department).0)
                }
            }
            var clients: [Int: TestClient] = [:]
            for try await (index, client) in group { clients[index] = client }
            return clients
        }
        #expect(room.session.state.presentParticipants.count == count)
        let workshop = room.session.state.workshop
        let ratingStages = workshop.stages.filter { $0.kind == .rating }
        for stage in ratingStages {
            await room.goTo(stage.id)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, client) in clients {
                    group.addTask {
                        for (position, item) in stage.items.enumerated() {
                            let value = (index + position) % 5
                            let reply = try await client.ask("rate \(item.id) \(value)")
                            guard reply.hasPrefix("ok \(item.id): \(value) ") else {
                                throw TestRoom.Unexpected(line: reply)
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let rated = room.events.compactMap { recorded -> String? in
            guard case .rated(.participant(let name), _, let item, let value) = recorded.event else { return nil }
            return "\(name) \(item) \(value)"
        }
        let items = workshop.ratingItems.map(\.item.id)
        let expected = (0..<count).flatMap { index in
            workshop.ratingItems.map { stage, item in
                let position = stage.items.firstIndex { $0.id == item.id } ?? 0
                return "p\(index) \(item.id) \((index + position) % 5)"
            }
        }
        #expect(items.count == 7)
        #expect(rated.count == count * items.count)
        #expect(rated.sorted() == expected.sorted())
        #expect(Set(rated).count == rated.count)
    }
}
