import AtelierCore
import AtelierNet
import Testing

@Suite("The order of what a participant reads", .timeLimit(.minutes(1)))
struct PushOrderTests {
    /// The stage a participant reads on joining is the room's state at the
    /// moment its pushes start: a lock the facilitator makes right after the
    /// `ok` comes after that stage, once, and the stage does not already show
    /// it (the reply and the stage used to go out in two turns of the room,
    /// and a push could slip between them).
    @Test func aPushRightAfterAJoinComesAfterTheStageTheJoinerReads() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        await room.goTo("ignore")
        for index in 0..<25 {
            let (client, _) = try await room.joined("p\(index)", "legal")
            await room.facilitator(.lock)
            var read: [String] = []
            while read.last?.hasPrefix("* lock ignore") != true { read.append(try await client.line()) }
            #expect(read.first?.hasPrefix("* stage ignore — ") == true)
            #expect(read.dropLast().allSatisfy { $0.hasPrefix("* ") && !$0.hasPrefix("* lock ") })
            // No second lock was pushed.
            try await client.send("stage")
            #expect(try await client.reply().last == "ok")
            #expect(!client.keptPushes().contains { $0.hasPrefix("* lock ") })
            await room.facilitator(.unlock)
            await client.close()
        }
    }
}
