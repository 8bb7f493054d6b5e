import AtelierCore

extension StoreError: LocalizedFailure {}
