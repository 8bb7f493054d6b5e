/// The page renderers, run off the `WebRoom` actor: they are pure functions
/// of their `Sendable` models, so the pages of many seats render on every
/// core at once while the room goes on taking answers. The room takes the
/// snapshot and stamps it (`WebLink.send(_:to:ticket:)` keeps a socket from
/// going back to an older page when two renders finish out of order).
enum OffRoom {
    @concurrent static func fragment(_ model: ParticipantPageModel) async -> String {
        ParticipantPage.fragment(model)
    }

    @concurrent static func document(_ model: ParticipantPageModel) async -> String {
        ParticipantPage.document(model)
    }

    @concurrent static func screen(_ model: ProjectorPageModel) async -> String {
        ProjectorPage.fragment(model)
    }
}
