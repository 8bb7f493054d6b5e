import Foundation

/// The workshops and locales shipped with the program, copied next to the
/// binary by SwiftPM, so an installed `atelier` works from any folder.
public enum BundledFiles {
    public static var workshopsDirectory: URL? {
        Bundle.module.url(forResource: "workshops", withExtension: nil)
    }

    public static var localesDirectory: URL? {
        Bundle.module.url(forResource: "locales", withExtension: nil)
    }
}
