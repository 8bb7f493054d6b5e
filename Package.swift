// swift-tools-version: 6.2
import PackageDescription

/// Our own targets build in Swift 6 mode with every warning an error.
/// The setting applies to these targets only, never to the dependencies.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "atelier",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "atelier", targets: ["atelier"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // The web adapter (AtelierWeb). No optional traits: no swift-configuration, nothing Foundation-only.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // The PostgreSQL store (AtelierPostgres).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .target(
            name: "AtelierCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .target(
            name: "AtelierResources",
            swiftSettings: strict,
            plugins: ["BundleFiles"]
        ),
        // Embeds workshops/, locales/ and recordings/ into AtelierResources (see the plugin).
        .executableTarget(name: "atelier-embed", path: "Tools/atelier-embed", swiftSettings: strict),
        .plugin(name: "BundleFiles", capability: .buildTool(), dependencies: ["atelier-embed"]),
        .target(
            name: "AtelierFiles",
            dependencies: ["AtelierCore", "AtelierResources"],
            swiftSettings: strict
        ),
        .target(
            name: "AtelierStore",
            dependencies: [
                "AtelierCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // The same journal in a PostgreSQL database: several facilitators, one history.
        .target(
            name: "AtelierPostgres",
            dependencies: [
                "AtelierCore", "AtelierStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "AtelierLive",
            dependencies: ["AtelierCore"],
            swiftSettings: strict
        ),
        .target(
            name: "AtelierExport",
            dependencies: ["AtelierCore", "AtelierFiles"],
            swiftSettings: strict
        ),
        .target(
            name: "AtelierTerminal",
            dependencies: ["AtelierCore", "CReadline"],
            swiftSettings: strict
        ),
        .target(
            name: "AtelierREPL",
            dependencies: [
                "AtelierCore", "AtelierFiles", "AtelierLive", "AtelierExport", "AtelierTerminal",
            ],
            swiftSettings: strict
        ),
        .target(
            name: "AtelierReplay",
            dependencies: ["AtelierCore", "AtelierStore", "AtelierTerminal"],
            swiftSettings: strict
        ),
        .target(
            name: "AtelierNet",
            dependencies: [
                "AtelierCore", "AtelierLive", "AtelierREPL", "AtelierStore", "AtelierTerminal",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // The browser side of the room: HTTP + WebSocket over the same Room/LiveSession as AtelierNet.
        .target(
            name: "AtelierWeb",
            dependencies: [
                "AtelierCore", "AtelierLive", "AtelierNet", "AtelierExport", "AtelierResources", "CQRencode",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // style.css, app.js, screen.js: embedded into AtelierResources by the BundleFiles plugin.
            exclude: ["Assets"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "atelier",
            dependencies: [
                "AtelierCore", "AtelierResources", "AtelierFiles", "AtelierStore", "AtelierPostgres", "AtelierLive",
                "AtelierTerminal",
                "AtelierREPL", "AtelierNet", "AtelierWeb", "AtelierExport", "AtelierReplay",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "atelier-bench",
            dependencies: [
                "AtelierCore", "AtelierStore", "AtelierPostgres", "AtelierLive", "AtelierNet", "AtelierWeb",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ],
            path: "Benchmarks/atelier-bench",
            swiftSettings: strict
        ),
        // Appends events and reports each acknowledgement, for the crash tests
        // (Tests/AtelierStoreTests/CrashTests.swift, Tests/AtelierPostgresTests/PostgresCrashTests.swift,
        // scripts/crash-test.sh) to kill.
        .executableTarget(
            name: "atelier-crashchild",
            dependencies: ["AtelierCore", "AtelierStore", "AtelierPostgres"],
            swiftSettings: strict
        ),
        .target(
            name: "AtelierTestFixtures", dependencies: ["AtelierCore"], path: "Tests/AtelierTestFixtures",
            swiftSettings: strict),
        .testTarget(
            name: "AtelierCoreTests", dependencies: ["AtelierCore", "AtelierTestFixtures"], swiftSettings: strict),
        .testTarget(
            name: "AtelierStoreTests",
            dependencies: [
                "AtelierCore", "AtelierLive", "AtelierStore", "AtelierTestFixtures",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        // The store contract against both stores; PostgreSQL in a cluster the tests start.
        .testTarget(
            name: "AtelierPostgresTests",
            dependencies: [
                "AtelierCore", "AtelierLive", "AtelierStore", "AtelierPostgres", "AtelierTestFixtures",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "AtelierLiveTests", dependencies: ["AtelierCore", "AtelierLive", "AtelierTestFixtures"],
            swiftSettings: strict),
        .testTarget(
            name: "AtelierTerminalTests", dependencies: ["AtelierCore", "AtelierTerminal", "AtelierTestFixtures"],
            swiftSettings: strict),
        .testTarget(
            name: "AtelierREPLTests",
            dependencies: [
                "AtelierCore", "AtelierFiles", "AtelierLive", "AtelierExport", "AtelierTerminal", "AtelierREPL",
                "AtelierTestFixtures",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "AtelierNetTests",
            dependencies: [
                "AtelierCore", "AtelierLive", "AtelierNet", "AtelierREPL", "AtelierStore", "AtelierTerminal",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "AtelierWebTests",
            dependencies: [
                "AtelierCore", "AtelierLive", "AtelierNet", "AtelierWeb", "AtelierTestFixtures",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "AtelierExportTests",
            dependencies: [
                "AtelierCore", "AtelierStore", "AtelierLive", "AtelierExport", "AtelierReplay", "AtelierTerminal",
                "AtelierTestFixtures",
            ],
            exclude: ["Golden"],
            swiftSettings: strict),
        // Runs the built `atelier` binary (and reads the core's version number).
        .testTarget(
            name: "AtelierCLITests", dependencies: ["AtelierCore", "AtelierTestFixtures"], swiftSettings: strict),
        .testTarget(
            name: "AtelierFilesTests", dependencies: ["AtelierCore", "AtelierFiles", "AtelierTestFixtures"],
            swiftSettings: strict),
        .testTarget(
            name: "AtelierReplayTests",
            dependencies: [
                "AtelierCore", "AtelierExport", "AtelierReplay", "AtelierStore", "AtelierTerminal",
                "AtelierTestFixtures",
            ],
            swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
