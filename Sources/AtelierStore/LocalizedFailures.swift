import AtelierCore

extension StoreError: LocalizedFailure {}
extension RecordingError: LocalizedFailure {}
