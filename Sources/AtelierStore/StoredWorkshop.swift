import AtelierCore

/// A session's workshop definition as a store keeps it (JSON text, the
/// `workshop` column of either store), for the stores of other modules.
package enum StoredWorkshop {
    package static func encode(_ workshop: Workshop) -> String {
        WorkshopJSON.encode(workshop)
    }

    /// The workshop stored with session `id`; refused when it cannot be read
    /// or breaks the rules of a workshop file (a damaged store).
    package static func decode(_ text: String, session id: String) throws(StoreError) -> Workshop {
        switch WorkshopJSON.decode(text) {
        case .success(let workshop):
            if let problem = WorkshopRules.problems(in: workshop).first {
                throw StoreError("store.invalid_workshop", ["session": .text(id), "problem": .message(problem)])
            }
            return workshop
        case .failure(let failure):
            throw StoreError("store.unreadable_workshop", ["session": .text(id), "field": .text(failure.field)])
        }
    }
}
