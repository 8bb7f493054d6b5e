import AtelierCore

extension FilesError: LocalizedFailure {}
